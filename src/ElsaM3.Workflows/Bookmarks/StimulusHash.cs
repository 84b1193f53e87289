using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ElsaM3.Workflows.Serialization;

namespace ElsaM3.Workflows.Bookmarks;

/// <summary>Hash of a stimulus name and payload; triggers and bookmarks are looked up by it.</summary>
public static class StimulusHash
{
    public static string Compute(string name, object? payload)
    {
        var json = payload is null ? "" : JsonSerializer.Serialize(payload, WorkflowJson.StateOptions);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{name}\n{json}"));
        return Convert.ToHexString(bytes);
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ElsaM3.M3pp.Contracts;
using ElsaM3.M3pp.Gateways;

namespace ElsaM3.M3pp.Activities.Changes;

/// <summary>
/// A worksheet or asset in one canonical JSON form, whether it came from the feed or from a read, so that two sightings
/// of the same state have the same <see cref="Fingerprint"/> and field differences can be worked out.
/// </summary>
public static class RecordSnapshot
{
    public static JsonObject Of(Worksheet worksheet) => (JsonObject)JsonSerializer.SerializeToNode(worksheet, RestCaller.Json)!;

    public static JsonObject Of(Asset asset) => (JsonObject)JsonSerializer.SerializeToNode(asset, RestCaller.Json)!;

    /// <summary>The feed's <c>current</c> in the same form as a read; <c>null</c> when it is missing or not a record.</summary>
    public static JsonObject? Normalize(RecordKind kind, JsonNode? current)
    {
        if (current is not JsonObject) return null;
        try
        {
            return kind == RecordKind.Worksheet
                ? current.Deserialize<Worksheet>(RestCaller.Json) is { } w ? Of(w) : null
                : current.Deserialize<Asset>(RestCaller.Json) is { } a ? Of(a) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A short hash of the record's state; <c>deleted</c> for none.</summary>
    public static string Fingerprint(JsonObject? record) =>
        record is null ? "deleted" : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(record.ToJsonString())).AsSpan(0, 16));

    /// <summary>The top-level fields whose values differ between two states of a record.</summary>
    public static Dictionary<string, FieldChange> Differences(JsonObject? before, JsonObject? after)
    {
        var changes = new Dictionary<string, FieldChange>(StringComparer.Ordinal);
        var names = (before?.Select(p => p.Key) ?? []).Union(after?.Select(p => p.Key) ?? [], StringComparer.Ordinal);
        foreach (var name in names)
        {
            var from = before?[name];
            var to = after?[name];
            if (!JsonNode.DeepEquals(from, to)) changes[name] = new FieldChange(from?.DeepClone(), to?.DeepClone());
        }
        return changes;
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace ElsaM3.Workflows.Serialization;

/// <summary>Case-insensitive property access, since older Elsa exports are PascalCase.</summary>
internal static class JsonLookup
{
    public static JsonNode? Get(JsonObject json, string name)
    {
        if (json.TryGetPropertyValue(name, out var value)) return value;
        foreach (var (key, node) in json)
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                return node;
        return null;
    }

    public static bool Has(JsonObject json, string name) =>
        json.ContainsKey(name) || json.Any(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));

    public static string? GetString(JsonObject json, string name) => Get(json, name) switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        _ => null,
    };

    public static string CamelCase(string name) =>
        name.Length == 0 || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name[1..];
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace ElsaM3.Workflows.Definitions;

/// <summary>A workflow variable: <c>{ id, name, typeName, isArray, value, storageDriverTypeName }</c>.</summary>
public sealed class VariableDefinition
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string TypeName { get; set; } = "Object";
    public bool IsArray { get; set; }

    /// <summary>The initial value as text (Elsa stores it as a string), or <c>null</c>; always written, as Elsa does.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Value { get; set; }
    public string? StorageDriverTypeName { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace ElsaM3.Workflows.Definitions;

/// <summary>A declared workflow output.</summary>
public sealed class WorkflowOutputDefinition
{
    public string Type { get; set; } = "Object";
    public string Name { get; set; } = "";
    public string? DisplayName { get; set; }
    public string? Description { get; set; }
    public string? Category { get; set; }
    public bool IsArray { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

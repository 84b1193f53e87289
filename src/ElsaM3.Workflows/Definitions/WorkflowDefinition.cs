using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ElsaM3.Workflows.Definitions;

/// <summary>One version of a workflow definition in the Elsa 3 JSON format (<c>WorkflowDefinitionModel</c>).</summary>
public sealed class WorkflowDefinition
{
    public string Id { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public string? TenantId { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; } = 1;
    public string? ToolVersion { get; set; }
    public List<VariableDefinition> Variables { get; set; } = [];
    public List<WorkflowInputDefinition> Inputs { get; set; } = [];
    public List<WorkflowOutputDefinition> Outputs { get; set; } = [];
    public List<string> Outcomes { get; set; } = [];
    public JsonObject CustomProperties { get; set; } = [];
    public bool IsReadonly { get; set; }
    public bool IsSystem { get; set; }
    public bool IsLatest { get; set; }
    public bool IsPublished { get; set; }
    public WorkflowOptions Options { get; set; } = new();
    public bool? UsableAsActivity { get; set; }
    public ActivityNode Root { get; set; } = ActivityNode.EmptyFlowchart();

    /// <summary>Properties this model does not know; kept so that a read/write round trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

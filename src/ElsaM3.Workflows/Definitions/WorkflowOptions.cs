using System.Text.Json;
using System.Text.Json.Serialization;

namespace ElsaM3.Workflows.Definitions;

/// <summary>The <c>options</c> object of a workflow definition.</summary>
public sealed class WorkflowOptions
{
    public bool? UsableAsActivity { get; set; }
    public bool AutoUpdateConsumingWorkflows { get; set; }
    public string? ActivityCategory { get; set; }

    /// <summary>Type name of the incident strategy; <c>null</c> means the host default (fault the workflow).</summary>
    public string? IncidentStrategyType { get; set; }
    public string? ActivationStrategyType { get; set; }
    public string? CommitStrategyName { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

using ElsaM3.Workflows.Bookmarks;
using ElsaM3.Workflows.Incidents;
namespace ElsaM3.Workflows.Execution;

/// <summary>Everything needed to continue a workflow instance in another process (Elsa's <c>WorkflowState</c>).</summary>
public sealed class WorkflowState
{
    public string Id { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public string DefinitionVersionId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public string? CorrelationId { get; set; }
    public string? Name { get; set; }
    public WorkflowStatus Status { get; set; }
    public WorkflowSubStatus SubStatus { get; set; }
    public List<Bookmark> Bookmarks { get; set; } = [];
    public List<ActivityIncident> Incidents { get; set; } = [];
    public List<ActivityExecutionState> ActivityExecutionContexts { get; set; } = [];
    public List<ScheduledWork> ScheduledActivities { get; set; } = [];

    /// <summary>Variable values by variable id.</summary>
    public Dictionary<string, object?> Variables { get; set; } = [];

    /// <summary>The last outputs of each activity, by activity id (for <c>getOutputFrom</c>).</summary>
    public Dictionary<string, Dictionary<string, object?>> ActivityOutputs { get; set; } = [];
    public long ExecutionLogSequence { get; set; }
    public Dictionary<string, object?> Input { get; set; } = [];
    public Dictionary<string, object?> Output { get; set; } = [];
    public Dictionary<string, object?> Properties { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

namespace ElsaM3.Workflows.Execution;

/// <summary>The memory of a workflow running as an activity, kept on that activity's execution until it completes.</summary>
public sealed class WorkflowScopeState
{
    public Dictionary<string, object?> Input { get; set; } = [];
    public Dictionary<string, object?> Output { get; set; } = [];

    /// <summary>Variable values by variable id.</summary>
    public Dictionary<string, object?> Variables { get; set; } = [];
}

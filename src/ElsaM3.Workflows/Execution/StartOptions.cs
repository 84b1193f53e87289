namespace ElsaM3.Workflows.Execution;

/// <summary>How to start a new workflow instance.</summary>
public sealed record StartOptions
{
    /// <summary>Instance id; a new 16-hex id when unset.</summary>
    public string? InstanceId { get; init; }
    public string? CorrelationId { get; init; }
    public string? Name { get; init; }
    public IReadOnlyDictionary<string, object?>? Input { get; init; }

    /// <summary>Initial variable values by name or id, applied over the declared initial values.</summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    /// <summary>The trigger activity that started the workflow; it becomes the flowchart's start node.</summary>
    public string? TriggerActivityId { get; init; }

    /// <summary>Properties of the new instance (a child started by Execute Workflow names its parent here).</summary>
    public IReadOnlyDictionary<string, object?>? Properties { get; init; }

    /// <summary>The trigger's payload, seen by the trigger activity as <c>context.Stimulus</c>.</summary>
    public object? TriggerInput { get; init; }

    /// <summary>Host objects for this run only (never persisted).</summary>
    public IReadOnlyDictionary<string, object>? Transient { get; init; }
}

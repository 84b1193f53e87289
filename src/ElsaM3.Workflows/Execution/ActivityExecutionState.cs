using ElsaM3.Workflows.Flowchart;

namespace ElsaM3.Workflows.Execution;

/// <summary>A live activity execution kept in the workflow state: a running flowchart, or an activity waiting on a bookmark or faulted.</summary>
public sealed class ActivityExecutionState
{
    public string Id { get; set; } = "";
    public string ActivityId { get; set; } = "";
    public string NodeId { get; set; } = "";
    public string ActivityType { get; set; } = "";
    public string? ParentId { get; set; }
    public ActivityStatus Status { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public string? SchedulingActivityExecutionId { get; set; }

    /// <summary>Set when this activity ran because a backward (loop) connection was followed.</summary>
    public bool ViaBackwardConnection { get; set; }

    /// <summary>The routing counters of a flowchart; <c>null</c> for other activities.</summary>
    public FlowScope? Flow { get; set; }

    /// <summary>For one run of a body: the variables it sees (ForEach's CurrentValue and CurrentIndex), by variable id.</summary>
    public Dictionary<string, object?>? Variables { get; set; }

    /// <summary>For an activity with a body: how many of the runs it asked for have not ended yet.</summary>
    public int PendingBodyRuns { get; set; }

    /// <summary>For a workflow running as an activity: its inputs, outputs and variables.</summary>
    public WorkflowScopeState? Scope { get; set; }

    /// <summary>State an activity keeps between execute and resume.</summary>
    public Dictionary<string, object?>? Properties { get; set; }

    /// <summary>
    /// What an activity keeps only while the instance stays in memory (never stored): a resume after a reload finds
    /// it empty, so nothing may depend on it but the saving of work that can be done again.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Dictionary<string, object?>? Scratch { get; set; }

    /// <summary>The inputs recorded as evaluated (see <c>ActivityContext.RecordEvaluatedInput</c>), carried to the record of the next burst while in memory.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Dictionary<string, object?>? RecordedInputs { get; set; }
}

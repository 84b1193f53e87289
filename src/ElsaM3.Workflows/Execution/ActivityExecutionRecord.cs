using ElsaM3.Workflows.Incidents;
namespace ElsaM3.Workflows.Execution;

/// <summary>One execution of one activity (Elsa's <c>ActivityExecutionRecord</c>); its id is the activity instance id.</summary>
public sealed class ActivityExecutionRecord
{
    public string Id { get; set; } = "";
    public string WorkflowInstanceId { get; set; } = "";
    public string ActivityId { get; set; } = "";
    public string ActivityNodeId { get; set; } = "";
    public string ActivityType { get; set; } = "";
    public int ActivityTypeVersion { get; set; } = 1;
    public string? ActivityName { get; set; }

    /// <summary>The evaluated inputs.</summary>
    public Dictionary<string, object?>? ActivityState { get; set; }
    public Dictionary<string, object?>? Payload { get; set; }
    public Dictionary<string, object?>? Outputs { get; set; }
    public Dictionary<string, object?>? Properties { get; set; }
    public Dictionary<string, object?>? Metadata { get; set; }
    public ExceptionState? Exception { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public bool HasBookmarks { get; set; }
    public ActivityStatus Status { get; set; }
    public int AggregateFaultCount { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? SchedulingActivityExecutionId { get; set; }
    public string? SchedulingActivityId { get; set; }
    public string? SchedulingWorkflowInstanceId { get; set; }
    public int? CallStackDepth { get; set; }
}

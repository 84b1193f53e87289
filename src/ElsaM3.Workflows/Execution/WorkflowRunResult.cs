namespace ElsaM3.Workflows.Execution;

/// <summary>What one execution burst produced: the new state plus the journal and activity records to store.</summary>
public sealed record WorkflowRunResult(
    WorkflowState State,
    IReadOnlyList<ExecutionLogRecord> Journal,
    IReadOnlyList<ActivityExecutionRecord> ActivityExecutions)
{
    public WorkflowStatus Status => State.Status;
    public WorkflowSubStatus SubStatus => State.SubStatus;
}

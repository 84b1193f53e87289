namespace ElsaM3.Workflows.Execution;

/// <summary>What one execution burst produced: the new state plus the journal and activity records to store.</summary>
public sealed record WorkflowRunResult(
    WorkflowState State,
    IReadOnlyList<ExecutionLogRecord> Journal,
    IReadOnlyList<ActivityExecutionRecord> ActivityExecutions)
{
    /// <summary>
    /// Rows activities asked to store with this burst (e.g. integration log entries): written in the burst's own
    /// commit, so a commit that fails writes none of them and the retried burst writes them once.
    /// </summary>
    public IReadOnlyList<object> CommitRecords { get; init; } = [];

    public WorkflowStatus Status => State.Status;
    public WorkflowSubStatus SubStatus => State.SubStatus;
}

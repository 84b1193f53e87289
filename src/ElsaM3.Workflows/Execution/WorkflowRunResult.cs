using ElsaM3.Workflows.Journal;
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

    /// <summary>
    /// This burst and the instance's <paramref name="next"/> one as a single commit: the later state, both journals,
    /// each activity's latest record and every row to store.
    /// </summary>
    public WorkflowRunResult Then(WorkflowRunResult next)
    {
        var records = new Dictionary<string, ActivityExecutionRecord>(StringComparer.Ordinal);
        foreach (var record in ActivityExecutions.Concat(next.ActivityExecutions)) records[record.Id] = record;
        return new WorkflowRunResult(next.State, [.. Journal, .. next.Journal], [.. records.Values])
        {
            CommitRecords = [.. CommitRecords, .. next.CommitRecords],
        };
    }

    public WorkflowStatus Status => State.Status;
    public WorkflowSubStatus SubStatus => State.SubStatus;
}

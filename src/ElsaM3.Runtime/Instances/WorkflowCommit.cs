using ElsaM3.Runtime.IntegrationLog;
using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.Journal;

namespace ElsaM3.Runtime.Instances;

/// <summary>
/// Everything one execution burst changed, written in one transaction: the instance state (with its
/// bookmarks and incidents), the new journal entries, the activity execution records and the integration log entries.
/// </summary>
public sealed record WorkflowCommit(WorkflowState State, IReadOnlyList<ExecutionLogRecord> Journal, IReadOnlyList<ActivityExecutionRecord> ActivityExecutions)
{
    /// <summary>The integration log entries the burst's activities wrote: stored in the same transaction.</summary>
    public IReadOnlyList<IntegrationLogEntry> IntegrationLog { get; init; } = [];

    /// <summary>Commits of other instances written in the same transaction (a scheduled trigger's next armed instance).</summary>
    public IReadOnlyList<WorkflowCommit> Also { get; init; } = [];

    public static WorkflowCommit StateOnly(WorkflowState state) => new(state, [], []);

    public static WorkflowCommit From(WorkflowRunResult result) => new(result.State, result.Journal, result.ActivityExecutions)
    {
        // Most bursts carry no such rows: no list is made for them on the commit path.
        IntegrationLog = result.CommitRecords.Count == 0 ? [] : result.CommitRecords.OfType<IntegrationLogEntry>().ToList(),
    };
}

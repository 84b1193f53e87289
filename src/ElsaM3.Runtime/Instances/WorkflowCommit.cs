using ElsaM3.Workflows.Execution;

namespace ElsaM3.Runtime.Instances;

/// <summary>
/// Everything one execution burst changed, written in one transaction: the instance state (with its
/// bookmarks and incidents), the new journal entries and the activity execution records.
/// </summary>
public sealed record WorkflowCommit(WorkflowState State, IReadOnlyList<ExecutionLogRecord> Journal, IReadOnlyList<ActivityExecutionRecord> ActivityExecutions)
{
    public static WorkflowCommit StateOnly(WorkflowState state) => new(state, [], []);

    public static WorkflowCommit From(WorkflowRunResult result) => new(result.State, result.Journal, result.ActivityExecutions);
}

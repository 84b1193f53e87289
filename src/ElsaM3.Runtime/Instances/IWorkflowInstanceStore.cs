using ElsaM3.Runtime.Stores;
using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.Journal;
using ElsaM3.Runtime.Journal;

namespace ElsaM3.Runtime.Instances;

/// <summary>Workflow instances with their state, bookmarks, journal and activity execution records.</summary>
public interface IWorkflowInstanceStore
{
    Task<WorkflowState?> FindStateAsync(string id, CancellationToken cancellationToken);

    Task<Page<WorkflowInstanceSummary>> ListAsync(InstanceQuery query, CancellationToken cancellationToken);

    /// <summary>Writes one burst atomically. Commits from concurrent callers may share a transaction.</summary>
    Task CommitAsync(WorkflowCommit commit, CancellationToken cancellationToken);

    /// <summary>Deletes instances and everything recorded about them; returns how many went.</summary>
    Task<int> DeleteAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> FindIdsAsync(InstanceQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="take"/> ids of Finished instances with one of the sub-statuses, last written before
    /// <paramref name="cutoff"/> (for an ended instance, when it ended), oldest first.
    /// </summary>
    Task<IReadOnlyList<string>> FindEndedBeforeAsync(IReadOnlyCollection<WorkflowSubStatus> subStatuses, DateTimeOffset cutoff, int take, CancellationToken cancellationToken);

    /// <summary>Instances committed as Pending or Executing: their run was interrupted (or never started).</summary>
    Task<IReadOnlyList<string>> FindInterruptedAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredBookmark>> FindBookmarksAsync(string hash, CancellationToken cancellationToken);

    /// <summary>Every stored bookmark of this name (for recovery sweeps, not for the hot path).</summary>
    Task<IReadOnlyList<StoredBookmark>> FindBookmarksByNameAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="take"/> timers due at the claim's time that no node has claimed (or whose claim has
    /// lapsed), earliest first. With several nodes each due timer goes to exactly one of them until the lease ends.
    /// </summary>
    Task<IReadOnlyList<Scheduling.DueTimer>> ClaimDueTimersAsync(Scheduling.TimerClaim claim, int take, CancellationToken cancellationToken);

    /// <summary>When the earliest timer not claimed at <paramref name="now"/> falls due; <c>null</c> when none is waiting.</summary>
    Task<DateTimeOffset?> NextResumeAtAsync(DateTimeOffset now, CancellationToken cancellationToken);

    Task<Page<ExecutionLogRecord>> JournalAsync(JournalQuery query, CancellationToken cancellationToken);

    Task<IReadOnlyList<ActivityExecutionRecord>> ActivityExecutionsAsync(string workflowInstanceId, string? activityNodeId, CancellationToken cancellationToken);

    Task<ActivityExecutionRecord?> ActivityExecutionAsync(string id, CancellationToken cancellationToken);
}

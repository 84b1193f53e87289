using System.Collections.Concurrent;
using ElsaM3.Runtime.Definitions;
using ElsaM3.Runtime.Scheduling;
using ElsaM3.Workflows.Definitions;
using ElsaM3.Workflows.Execution;

using ElsaM3.Workflows.Bookmarks;

namespace ElsaM3.Runtime.Instances;

/// <summary>
/// Starts, resumes, continues, retries and cancels stored instances. Each call is one execution burst,
/// committed once at its end (dispatched and recoverable runs also commit their pending state first).
/// </summary>
public sealed class WorkflowInstanceService(
    WorkflowRunner runner,
    WorkflowGraphCache graphs,
    IWorkflowInstanceStore instances,
    InstanceAccess locks,
    BackgroundWorkQueue background,
    TimerSignal timers,
    TimeProvider time,
    Definitions.IWorkflowDefinitionStore definitions,
    Budgets.TriggerSuspensions suspensions)
{
    /// <summary>Most bursts one timer resume runs back to back before the instance goes back to the queue.</summary>
    public const int MaxChainedTimerBursts = 8;

    /// <summary>
    /// Most committed states kept in memory for the resume of a timer that was due at once (a few MB; beyond it, during
    /// a backlog, resumes read the store as before).
    /// </summary>
    public const int MaxHandedOver = 2_048;

    // States handed over by held starts, taken by the next load under the instance's lock (see StartHeldAsync).
    private readonly ConcurrentDictionary<string, (WorkflowState State, WorkflowGraph Graph)> _handedOver = new(StringComparer.Ordinal);

    /// <summary>How many committed states wait in memory for their timer's resume (for tests).</summary>
    public int HandedOverCount => _handedOver.Count;

    // The bursts under way on this node, by instance: an admin's cancel stops one at once instead of waiting for it.
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _bursts = new(StringComparer.Ordinal);

    /// <summary>Whether a burst of the instance is running on this node now (for tests).</summary>
    public bool IsRunningBurst(string instanceId) => _bursts.ContainsKey(instanceId);

    /// <summary>A burst of an instance already held: its token ends with the caller's, or when the instance is cancelled.</summary>
    private Burst StartBurst(string instanceId, CancellationToken cancellationToken) => new(this, instanceId, cancellationToken);

    private sealed class Burst : IDisposable
    {
        private readonly WorkflowInstanceService _owner;
        private readonly string _instanceId;
        private readonly CancellationTokenSource _source;

        public Burst(WorkflowInstanceService owner, string instanceId, CancellationToken cancellationToken)
        {
            (_owner, _instanceId) = (owner, instanceId);
            _source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            owner._bursts[instanceId] = _source;
        }

        public CancellationToken Token => _source.Token;

        public void Dispose()
        {
            _owner._bursts.TryRemove(KeyValuePair.Create(_instanceId, _source));
            _source.Dispose();
        }
    }

    /// <summary>Runs a new instance inline (the HTTP trigger and Studio's Run use this).</summary>
    public async Task<WorkflowRunResult> StartAsync(WorkflowDefinition definition, StartOptions options, CancellationToken cancellationToken)
    {
        var graph = await graphs.GetAsync(definition, cancellationToken);
        // No lock: nothing else can reach the instance before this burst's commit makes it exist.
        return await RunNewAsync(graph, runner.CreateInstance(graph, options), options, cancellationToken);
    }

    /// <summary>
    /// Runs a new instance inline like <see cref="StartAsync"/>, but keeps it held until the run is disposed: the
    /// caller answers from the result first. On dispose, when the burst left a timer due at once (an M3 activity's
    /// first attempt), its state stays in memory for the scheduler's resume, which waits for the hold and then need
    /// not read back what was just written. Nothing else can change the instance in between: it is held until then,
    /// and everything that changes an instance loads it under the same lock first.
    /// </summary>
    public async Task<HeldRun> StartHeldAsync(WorkflowDefinition definition, StartOptions options, CancellationToken cancellationToken)
    {
        var graph = await graphs.GetAsync(definition, cancellationToken);
        var state = runner.CreateInstance(graph, options);
        var hold = await locks.AcquireLocalAsync(state.Id, cancellationToken);
        try
        {
            var result = await RunNewAsync(graph, state, options, cancellationToken);
            return new HeldRun(result, () => HandOver(result.State, graph, hold));
        }
        catch
        {
            hold.Dispose();
            throw;
        }
    }

    /// <summary>The first burst of a new instance, committed.</summary>
    private async Task<WorkflowRunResult> RunNewAsync(WorkflowGraph graph, WorkflowState state, StartOptions options, CancellationToken cancellationToken)
    {
        using var span = RuntimeMetrics.Source.StartActivity("workflow.start");
        span?.SetTag("elsam3.workflow.definition_id", graph.Definition.DefinitionId).SetTag("elsam3.workflow.instance_id", state.Id);
        var result = await runner.RunAsync(graph, state, options, cancellationToken);
        await CommitAsync(result, cancellationToken);
        return result;
    }

    private void HandOver(WorkflowState state, WorkflowGraph graph, IDisposable hold)
    {
        var now = time.GetUtcNow();
        // With other nodes on the store, another node may run the instance next: its state is read from the store.
        if (!locks.SpansNodes && state.Status == WorkflowStatus.Running && state.Bookmarks.Any(b => b.ResumeAt <= now) && _handedOver.Count < MaxHandedOver)
            _handedOver[state.Id] = (state, graph);
        hold.Dispose();
    }

    /// <summary>Instances deleted together while holding them (few at once: each hold may take a connection on a shared store).</summary>
    public const int DeleteChunk = 16;

    /// <summary>
    /// Deletes stored instances (an admin's delete), each while holding it, so a burst under way finishes first and its
    /// commit cannot bring the instance back; a state waiting in memory for its resume goes too.
    /// </summary>
    public async Task<int> DeleteAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(DeleteChunk))
        {
            var holds = new List<IAsyncDisposable>(chunk.Length);
            try
            {
                foreach (var id in chunk.Order(StringComparer.Ordinal)) holds.Add(await locks.AcquireAsync(id, cancellationToken));
                foreach (var id in chunk) _handedOver.TryRemove(id, out _);
                deleted += await instances.DeleteAsync(chunk, cancellationToken);
            }
            finally
            {
                foreach (var hold in holds) await hold.DisposeAsync();
            }
        }
        return deleted;
    }

    /// <summary>Stores a new pending instance and runs it in the background; returns its id at once.</summary>
    public async Task<string> DispatchAsync(WorkflowDefinition definition, StartOptions options, CancellationToken cancellationToken)
    {
        var graph = await graphs.GetAsync(definition, cancellationToken);
        var state = runner.CreateInstance(graph, options with { Transient = null });
        await instances.CommitAsync(WorkflowCommit.StateOnly(state), cancellationToken);
        background.Enqueue(ct => ContinueAsync(state.Id, ct));
        return state.Id;
    }

    /// <summary>Resumes one bookmark of an instance; <c>null</c> when the instance or bookmark is gone.</summary>
    public async Task<WorkflowRunResult?> ResumeAsync(string instanceId, string bookmarkId, object? input,
        IReadOnlyDictionary<string, object>? transient, CancellationToken cancellationToken)
    {
        await using var _ = await locks.AcquireAsync(instanceId, cancellationToken);
        using var span = RuntimeMetrics.Source.StartActivity("workflow.resume");
        span?.SetTag("elsam3.workflow.instance_id", instanceId);
        var (state, graph) = await LoadAsync(instanceId, cancellationToken);
        if (state is null || graph is null || state.Status != WorkflowStatus.Running || state.Bookmarks.All(b => b.Id != bookmarkId))
            return null;
        using var burst = StartBurst(instanceId, cancellationToken);
        var result = await runner.ResumeAsync(graph, state, bookmarkId, input, transient, burst.Token);
        await CommitAsync(result, cancellationToken);
        return result;
    }

    /// <summary>
    /// Resumes each bookmark of an instance with this stimulus hash, in one burst committed once; <c>null</c> when none is
    /// left. A stimulus found through the bookmark index is resumed by hash, not by bookmark id: an earlier resume of the
    /// same instance may have suspended again with a new bookmark for the same thing (a watch that keeps watching).
    /// </summary>
    public async Task<WorkflowRunResult?> ResumeMatchingAsync(string instanceId, string hash, object? input, CancellationToken cancellationToken)
    {
        await using var _ = await locks.AcquireAsync(instanceId, cancellationToken);
        var (state, graph) = await LoadAsync(instanceId, cancellationToken);
        if (state is null || graph is null || state.Status != WorkflowStatus.Running) return null;
        using var burst = StartBurst(instanceId, cancellationToken);
        WorkflowRunResult? ran = null;
        foreach (var bookmarkId in state.Bookmarks.Where(b => b.Hash == hash).Select(b => b.Id).ToList())
        {
            if (state.Status != WorkflowStatus.Running || state.Bookmarks.All(b => b.Id != bookmarkId)) continue;
            using var span = RuntimeMetrics.Source.StartActivity("workflow.resume");
            span?.SetTag("elsam3.workflow.instance_id", instanceId);
            var result = await runner.ResumeAsync(graph, state, bookmarkId, input, null, burst.Token);
            ran = ran is null ? result : ran.Then(result);
            state = result.State;
        }
        if (ran is not null) await CommitAsync(ran, cancellationToken);
        return ran;
    }

    /// <summary>
    /// The scheduler's path: resumes a due timer, and then, still holding the instance, each timer of it that fell
    /// due during that burst (the pull-back right after the create it follows), and commits them together. A crash
    /// before that commit repeats the work from the first timer, which the M3 idempotency key makes safe; what is
    /// committed is what happened. Returns how many bursts ran.
    /// </summary>
    public async Task<int> ResumeDueTimersAsync(string instanceId, string bookmarkId, CancellationToken cancellationToken)
    {
        await using var _ = await locks.AcquireAsync(instanceId, cancellationToken);
        var (state, graph) = await LoadAsync(instanceId, cancellationToken);
        var firing = state?.Bookmarks.FirstOrDefault(b => b.Id == bookmarkId) is { } first
            && Scheduling.ScheduledTriggerArming.IsArmedRecurring(first, state.DefinitionId) ? first : null;
        var bursts = 0;
        using var burst = StartBurst(instanceId, cancellationToken);
        WorkflowRunResult? ran = null;
        while (state is not null && graph is not null && state.Status == WorkflowStatus.Running && state.Bookmarks.Any(b => b.Id == bookmarkId))
        {
            using var span = RuntimeMetrics.Source.StartActivity("workflow.resume");
            span?.SetTag("elsam3.workflow.instance_id", instanceId);
            var result = await runner.ResumeAsync(graph, state, bookmarkId, null, null, burst.Token);
            ran = ran is null ? result : ran.Then(result);
            if (++bursts >= MaxChainedTimerBursts) break;
            var now = time.GetUtcNow();
            if (result.State.Bookmarks.Where(b => b.ResumeAt <= now).MinBy(b => b.ResumeAt) is not { } next) break;
            state = result.State;
            bookmarkId = next.Id;
        }
        if (ran is null) return bursts;
        // A recurring trigger whose runs keep faulting on a budget is not armed again (until an admin resumes it).
        if (firing is not null) await suspensions.RecordAsync(ran.State, cancellationToken);
        var armed = firing is null || await suspensions.IsSuspendedAsync(ran.State.DefinitionId, cancellationToken)
            ? null : await ArmNextAsync(graph!, firing, cancellationToken);
        await CommitAsync(ran, cancellationToken, armed is null ? [] : [WorkflowCommit.From(armed)], budgetCounted: firing is not null);
        return bursts;
    }

    /// <summary>
    /// A recurring scheduled trigger fired: the first burst of the instance armed for its next due time, to be committed with
    /// the firing (so a crash repeats both or neither). Only while the version that fired is still the published one.
    /// </summary>
    private async Task<WorkflowRunResult?> ArmNextAsync(WorkflowGraph graph, Bookmark fired, CancellationToken cancellationToken)
    {
        var published = await definitions.FindAsync(graph.Definition.DefinitionId, Definitions.VersionOptions.Published, cancellationToken);
        if (published?.Id != graph.Definition.Id) return null;
        var options = new StartOptions { TriggerActivityId = fired.ActivityId, TriggerInput = fired.ResumeAt };
        return await runner.RunAsync(graph, runner.CreateInstance(graph, options), options, cancellationToken);
    }

    /// <summary>Runs the scheduled work of an instance committed as Pending or Executing (dispatch, crash recovery).</summary>
    public async Task<WorkflowRunResult?> ContinueAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var _ = await locks.AcquireAsync(instanceId, cancellationToken);
        var (state, graph) = await LoadAsync(instanceId, cancellationToken);
        if (state is null || graph is null || state.SubStatus is not (WorkflowSubStatus.Pending or WorkflowSubStatus.Executing))
            return null;
        using var burst = StartBurst(instanceId, cancellationToken);
        var result = await runner.ContinueAsync(graph, state, burst.Token);
        await CommitAsync(result, cancellationToken);
        return result;
    }

    /// <summary>Operator retry: re-runs the faulted activities of an instance in place.</summary>
    public async Task<WorkflowRunResult?> RetryAsync(string instanceId, IReadOnlyCollection<string>? activityIds, CancellationToken cancellationToken)
    {
        await using var _ = await locks.AcquireAsync(instanceId, cancellationToken);
        var (state, graph) = await LoadAsync(instanceId, cancellationToken);
        if (state is null || graph is null) return null;
        using var burst = StartBurst(instanceId, cancellationToken);
        var result = await runner.RetryAsync(graph, state, activityIds, burst.Token);
        await CommitAsync(result, cancellationToken);
        return result;
    }

    /// <summary>Sets variables of a stored instance (an operator fixing data before a retry); <c>null</c> when it does not exist.</summary>
    public async Task<WorkflowState?> SetVariablesAsync(string instanceId, IReadOnlyDictionary<string, object?> values, CancellationToken cancellationToken)
    {
        await using var _ = await locks.AcquireAsync(instanceId, cancellationToken);
        var (state, graph) = await LoadAsync(instanceId, cancellationToken);
        if (state is null || graph is null) return null;
        foreach (var (idOrName, value) in values)
        {
            var variable = graph.Variables.FirstOrDefault(v => v.Id == idOrName || v.Name == idOrName)
                ?? throw new InvalidOperationException($"Workflow instance '{instanceId}' has no variable '{idOrName}'.");
            state.Variables[variable.Id] = ElsaM3.Workflows.Serialization.WorkflowJson.ToPlain(value);
        }
        await instances.CommitAsync(WorkflowCommit.StateOnly(state), cancellationToken);
        return state;
    }

    /// <summary>Cancels a running instance; <c>null</c> when it does not exist, false when it already finished.</summary>
    public async Task<bool?> CancelAsync(string instanceId, CancellationToken cancellationToken)
    {
        // A burst under way here (a long template, a loop) stops now rather than finishing first; what it did is not
        // committed, and the instance is cancelled from its last committed state.
        if (_bursts.TryGetValue(instanceId, out var running))
            try
            {
                await running.CancelAsync();
            }
            catch (ObjectDisposedException)
            {
                // It ended meanwhile.
            }
        await using var _ = await locks.AcquireAsync(instanceId, cancellationToken);
        var (state, graph) = await LoadAsync(instanceId, cancellationToken);
        if (state is null || graph is null) return null;
        if (state.Status == WorkflowStatus.Finished) return false;
        await CommitAsync(runner.Cancel(graph, state), cancellationToken);
        return true;
    }

    /// <summary>The instance's state: the one a held start handed over when there is one, else the stored one. Call under its lock.</summary>
    private async Task<(WorkflowState? State, WorkflowGraph? Graph)> LoadAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (_handedOver.TryRemove(instanceId, out var handed)) return handed;
        var state = await instances.FindStateAsync(instanceId, cancellationToken);
        if (state is null) return (null, null);
        return (state, await graphs.FindAsync(state.DefinitionVersionId, cancellationToken));
    }

    /// <param name="budgetCounted">The run was already counted against its trigger (a scheduled firing, see <see cref="ResumeDueTimersAsync"/>).</param>
    private async Task CommitAsync(WorkflowRunResult result, CancellationToken cancellationToken, IReadOnlyList<WorkflowCommit>? also = null,
        bool budgetCounted = false)
    {
        RuntimeMetrics.Bursts.Add(1, new KeyValuePair<string, object?>("status", result.Status.ToString()),
            new KeyValuePair<string, object?>("sub_status", result.SubStatus.ToString()));
        await instances.CommitAsync(WorkflowCommit.From(result) with { Also = also ?? [] }, CancellationToken.None);
        if (result.State.Bookmarks.Any(b => b.ResumeAt is not null) || also is { Count: > 0 }) timers.Wake();
        if (result.Status == WorkflowStatus.Finished) ResumeWaitingParent(result.State);
        // Every trigger-started run counts: a budget fault one more in a row, a finished run none (no I/O unless suspending).
        if (!budgetCounted) await suspensions.RecordAsync(result.State, CancellationToken.None);
        foreach (var after in result.CommitRecords.OfType<AfterCommit>()) background.Enqueue(after.Work);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// Crash recovery for Execute/Dispatch Workflow: a parent still waiting for a child that has ended (the server stopped
    /// between the child's last commit and the parent's resume) resumes now. Returns how many parents it resumed.
    /// </summary>
    public async Task<int> ResumeParentsOfEndedChildrenAsync(CancellationToken cancellationToken)
    {
        var resumed = 0;
        foreach (var name in new[] { ChildWorkflows.ExecuteWorkflow.BookmarkName, ChildWorkflows.DispatchWorkflow.BookmarkName })
        foreach (var bookmark in await instances.FindBookmarksByNameAsync(name, cancellationToken))
        {
            var parent = await instances.FindStateAsync(bookmark.WorkflowInstanceId, cancellationToken);
            var payload = parent?.Bookmarks.FirstOrDefault(b => b.Id == bookmark.Id)?.Payload as Dictionary<string, object?>;
            var childId = payload?.GetValueOrDefault("workflowInstanceId") as string;
            if (childId is null || await instances.FindStateAsync(childId, cancellationToken) is not { Status: WorkflowStatus.Finished } child) continue;
            if (await ResumeAsync(bookmark.WorkflowInstanceId, bookmark.Id, new Dictionary<string, object?>(child.Output), null, cancellationToken) is not null)
                resumed++;
        }
        return resumed;
    }

    /// <summary>A child a parent waits for (Execute/Dispatch Workflow) has ended: the parent resumes with its output, in the background.</summary>
    private void ResumeWaitingParent(WorkflowState child)
    {
        if (child.Properties.GetValueOrDefault(ChildWorkflows.ChildWorkflow.ParentInstanceIdProperty) is not string parentId
            || child.Properties.GetValueOrDefault(ChildWorkflows.ChildWorkflow.ParentBookmarkProperty) is not string bookmarkName)
            return;
        var hash = ChildWorkflows.ChildWorkflow.Hash(bookmarkName, child.Id);
        var output = new Dictionary<string, object?>(child.Output);
        background.Enqueue(async ct =>
        {
            foreach (var bookmark in await instances.FindBookmarksAsync(hash, ct))
                if (bookmark.WorkflowInstanceId == parentId)
                    await ResumeAsync(parentId, bookmark.Id, output, null, ct);
        });
    }
}

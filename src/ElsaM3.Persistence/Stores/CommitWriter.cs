using System.Threading.Channels;
using ElsaM3.Runtime.Instances;

namespace ElsaM3.Persistence.Stores;

/// <summary>
/// The single writer: commits from concurrent bursts queue here and are written together in one transaction
/// (group commit), which suits SQLite's one-writer model and keeps throughput at a few fsyncs per second (and saves
/// PostgreSQL round trips). If a shared transaction fails, each commit is retried on its own so one bad commit fails
/// alone. Rows are written by the provider's <see cref="ICommitStore"/> with prepared SQL rather than EF change
/// tracking: this is the hottest path of the server. Instance deletes queue here too, between batches: a second writer would make
/// SQLite's busy handler sleep the commits (a bulk delete through EF put p99 at 0.8 s under load). Every other write
/// (definitions, settings, the audit trail, retention) runs as an exclusive job between batches, in turn.
/// </summary>
internal sealed class CommitWriter : IAsyncDisposable
{
    private const int MaxBatch = 128;
    private readonly ICommitStore _store;
    private readonly string _nodeName;
    private readonly Channel<Work> _channel = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public CommitWriter(ICommitStore store, Microsoft.Extensions.Options.IOptions<ElsaM3.Runtime.Coordination.NodeOptions> node)
    {
        _store = store;
        _nodeName = node.Value.Name;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues a commit; JSON is produced here, on the caller's thread, so the single writer only writes.</summary>
    public Task WriteAsync(WorkflowCommit commit)
    {
        IReadOnlyList<SerializedCommit> commits = commit.Also.Count == 0
            ? [SerializedCommit.From(commit)]
            : [SerializedCommit.From(commit), .. commit.Also.Select(SerializedCommit.From)];
        var pending = new Pending(commits, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_channel.Writer.TryWrite(pending)) throw new InvalidOperationException("The store is shutting down.");
        return pending.Done.Task;
    }

    /// <summary>Queues the deletion of instances and everything recorded about them; returns how many instances went.</summary>
    public Task<int> DeleteAsync(IReadOnlyCollection<string> ids)
    {
        var delete = new PendingDelete(ids, new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_channel.Writer.TryWrite(delete)) throw new InvalidOperationException("The store is shutting down.");
        return delete.Done.Task;
    }

    /// <summary>
    /// Runs another store's write (through EF, on its own connection) as this writer's turn: nothing else is written
    /// while it runs, so it never competes with the commits for SQLite's one write lock. Jobs run in the order queued.
    /// </summary>
    public Task<T> WriteExclusiveAsync<T>(Func<CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        var job = new PendingJob(async () => await write(cancellationToken), new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_channel.Writer.TryWrite(job)) throw new InvalidOperationException("The store is shutting down.");
        return Typed<T>(job.Done.Task);
    }

    private static async Task<T> Typed<T>(Task<object?> task) => (T)(await task)!;

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        var reader = _channel.Reader;
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryPeek(out var next) && next is Pending pending)
            {
                reader.TryRead(out _);
                batch.Add(pending);
            }
            if (batch.Count > 0) await CommitBatchAsync(batch);
            else if (reader.TryRead(out var work))
            {
                if (work is PendingDelete delete) await DeleteNowAsync(delete);
                else if (work is PendingJob job) await RunJobAsync(job);
            }
        }
    }

    private async Task CommitBatchAsync(List<Pending> batch)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await WriteBatchAsync(batch.SelectMany(p => p.Commits).ToList());
            PersistenceMetrics.RecordBatch(batch.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            foreach (var pending in batch) pending.Done.TrySetResult();
        }
        catch when (batch.Count > 1)
        {
            foreach (var pending in batch)
            {
                try
                {
                    await WriteBatchAsync(pending.Commits);
                    pending.Done.TrySetResult();
                }
                catch (Exception e)
                {
                    pending.Done.TrySetException(e);
                }
            }
        }
        catch (Exception e)
        {
            foreach (var pending in batch) pending.Done.TrySetException(e);
        }
    }

    private async Task DeleteNowAsync(PendingDelete delete)
    {
        try
        {
            delete.Done.TrySetResult(await _store.DeleteInstancesAsync(delete.Ids));
        }
        catch (Exception e)
        {
            delete.Done.TrySetException(e);
        }
    }

    private static async Task RunJobAsync(PendingJob job)
    {
        try
        {
            job.Done.TrySetResult(await job.Run());
        }
        catch (OperationCanceledException e)
        {
            job.Done.TrySetCanceled(e.CancellationToken);
        }
        catch (Exception e)
        {
            job.Done.TrySetException(e);
        }
    }

    private Task WriteBatchAsync(IReadOnlyList<SerializedCommit> commits) => _store.WriteAsync(CommitRows.From(commits, _nodeName));

    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _loop;
        await _store.DisposeAsync();
    }

    private abstract record Work;

    /// <summary>One commit, with the commits that must be written in the same transaction (<see cref="WorkflowCommit.Also"/>).</summary>
    private sealed record Pending(IReadOnlyList<SerializedCommit> Commits, TaskCompletionSource Done) : Work;

    private sealed record PendingDelete(IReadOnlyCollection<string> Ids, TaskCompletionSource<int> Done) : Work;

    private sealed record PendingJob(Func<Task<object?>> Run, TaskCompletionSource<object?> Done) : Work;
}

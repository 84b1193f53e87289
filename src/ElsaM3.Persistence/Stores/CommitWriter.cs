using System.Threading.Channels;
using ElsaM3.Persistence.Sqlite;
using ElsaM3.Runtime.Instances;
using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.Serialization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ElsaM3.Persistence.Journal;

namespace ElsaM3.Persistence.Stores;

/// <summary>
/// The single writer: commits from concurrent bursts queue here and are written together in one transaction
/// (group commit), which suits SQLite's one-writer model and keeps throughput at a few fsyncs per second.
/// If a shared transaction fails, each commit is retried on its own so one bad commit fails alone. Rows are
/// written with prepared SQL upserts on one long-lived connection rather than EF change tracking: this is the
/// hottest path of the server. Instance deletes queue here too, between batches: a second writer would make
/// SQLite's busy handler sleep the commits (a bulk delete through EF put p99 at 0.8 s under load). Every other write
/// (definitions, settings, the audit trail, retention) runs as an exclusive job between batches, in turn.
/// </summary>
internal sealed class CommitWriter : IAsyncDisposable
{
    private const int MaxBatch = 128;
    private readonly string _connectionString;
    private readonly Channel<Work> _channel = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private SqliteConnection? _connection;
    private CommitCommands? _commands;

    public CommitWriter(IOptions<StorageOptions> options)
    {
        _connectionString = options.Value.ResolveConnectionString();
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
            delete.Done.TrySetResult(await InTransactionAsync(sql => delete.Ids.Sum(sql.DeleteInstance)));
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

    private Task WriteBatchAsync(IReadOnlyList<SerializedCommit> commits) => InTransactionAsync(sql => Write(sql, commits));

    /// <summary>Runs <paramref name="write"/> in one transaction; a connection that failed is not reused, the next work opens a fresh one.</summary>
    private async Task<T> InTransactionAsync<T>(Func<CommitCommands, T> write)
    {
        try
        {
            var sql = await CommandsAsync();
            await using var transaction = sql.Begin();
            var result = write(sql);
            await transaction.CommitAsync();
            return result;
        }
        catch
        {
            await CloseAsync();
            throw;
        }
    }

    /// <summary>Writes the batch's rows; returns how many commits it held.</summary>
    private static int Write(CommitCommands sql, IReadOnlyList<SerializedCommit> commits)
    {
        var finalStates = new Dictionary<string, SerializedCommit>();
        foreach (var commit in commits) finalStates[commit.State.Id] = commit;
        foreach (var commit in finalStates.Values)
        {
            sql.UpsertInstance(commit.State, commit.StateJson);
            sql.ReplaceBookmarksAndIncidents(commit.State);
        }
        foreach (var commit in commits)
            if (commit.JournalJson is not null)
                sql.InsertJournalChunk(commit.State.Id, commit.FirstSequence, commit.LastSequence, commit.JournalJson);

        var records = new Dictionary<string, (ActivityExecutionRecord Record, byte[] Json)>();
        foreach (var commit in commits)
        foreach (var record in commit.ActivityExecutions)
            records[record.Record.Id] = record;
        foreach (var (record, json) in records.Values)
            sql.UpsertActivityExecution(record, json);
        foreach (var commit in commits)
        foreach (var entry in commit.IntegrationLog)
            sql.InsertIntegrationLogEntry(entry, System.Text.Json.JsonSerializer.Serialize(entry.Messages));
        return commits.Count;
    }

    private async Task<CommitCommands> CommandsAsync()
    {
        if (_commands is not null) return _commands;
        _connection = new SqliteConnection(_connectionString);
        await _connection.OpenAsync();
        await SqlitePragmas.ApplyAsync(_connection);
        return _commands = new CommitCommands(_connection);
    }

    private async Task CloseAsync()
    {
        _commands?.Dispose();
        _commands = null;
        if (_connection is not null) await _connection.DisposeAsync();
        _connection = null;
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _loop;
        await CloseAsync();
    }

    private abstract record Work;

    /// <summary>One commit, with the commits that must be written in the same transaction (<see cref="WorkflowCommit.Also"/>).</summary>
    private sealed record Pending(IReadOnlyList<SerializedCommit> Commits, TaskCompletionSource Done) : Work;

    private sealed record PendingDelete(IReadOnlyCollection<string> Ids, TaskCompletionSource<int> Done) : Work;

    private sealed record PendingJob(Func<Task<object?>> Run, TaskCompletionSource<object?> Done) : Work;

    /// <summary>A commit with its JSON already written, as UTF-8.</summary>
    private sealed record SerializedCommit(
        WorkflowState State, byte[] StateJson, byte[]? JournalJson, long FirstSequence, long LastSequence,
        IReadOnlyList<(ActivityExecutionRecord Record, byte[] Json)> ActivityExecutions,
        IReadOnlyList<ElsaM3.Runtime.IntegrationLog.IntegrationLogEntry> IntegrationLog)
    {
        public static SerializedCommit From(WorkflowCommit commit) => new(
            commit.State,
            WorkflowJson.SerializeToUtf8(commit.State),
            commit.Journal.Count == 0 ? null : JournalChunkFormat.Serialize(commit.Journal),
            commit.Journal.Count == 0 ? 0 : commit.Journal[0].Sequence,
            commit.Journal.Count == 0 ? 0 : commit.Journal[^1].Sequence,
            commit.ActivityExecutions.Select(r => (r, WorkflowJson.SerializeToUtf8(r))).ToList(),
            commit.IntegrationLog);
    }
}

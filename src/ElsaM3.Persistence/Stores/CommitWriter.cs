using System.Threading.Channels;
using ElsaM3.Persistence.Entities;
using ElsaM3.Runtime.Instances;
using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.Serialization;
using Microsoft.EntityFrameworkCore;

namespace ElsaM3.Persistence.Stores;

/// <summary>
/// The single writer: commits from concurrent bursts queue here and are written together in one transaction
/// (group commit), which suits SQLite's one-writer model and keeps throughput at a few fsyncs per second.
/// If a shared transaction fails, each commit is retried on its own so one bad commit fails alone.
/// </summary>
internal sealed class CommitWriter : IAsyncDisposable
{
    private const int MaxBatch = 128;
    private readonly IDbContextFactory<ElsaM3DbContext> _factory;
    private readonly Channel<Pending> _channel = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public CommitWriter(IDbContextFactory<ElsaM3DbContext> factory)
    {
        _factory = factory;
        _loop = Task.Run(RunAsync);
    }

    public Task WriteAsync(WorkflowCommit commit)
    {
        var pending = new Pending(commit, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_channel.Writer.TryWrite(pending)) throw new InvalidOperationException("The store is shutting down.");
        return pending.Done.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _channel.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _channel.Reader.TryRead(out var pending)) batch.Add(pending);
            try
            {
                await WriteBatchAsync(batch.Select(p => p.Commit).ToList());
                foreach (var pending in batch) pending.Done.TrySetResult();
            }
            catch when (batch.Count > 1)
            {
                foreach (var pending in batch)
                {
                    try
                    {
                        await WriteBatchAsync([pending.Commit]);
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
    }

    private async Task WriteBatchAsync(IReadOnlyList<WorkflowCommit> commits)
    {
        await using var db = await _factory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();

        var finalStates = new Dictionary<string, WorkflowState>();
        foreach (var commit in commits) finalStates[commit.State.Id] = commit.State;
        var instanceIds = finalStates.Keys.ToList();
        var existing = await db.WorkflowInstances.Where(i => instanceIds.Contains(i.Id)).Select(i => i.Id).ToListAsync();
        if (existing.Count > 0)
        {
            await db.Bookmarks.Where(b => existing.Contains(b.WorkflowInstanceId)).ExecuteDeleteAsync();
            await db.Incidents.Where(i => existing.Contains(i.WorkflowInstanceId)).ExecuteDeleteAsync();
        }

        foreach (var state in finalStates.Values)
        {
            var row = ToRow(state);
            if (existing.Contains(state.Id)) db.WorkflowInstances.Update(row);
            else db.WorkflowInstances.Add(row);
            foreach (var bookmark in state.Bookmarks) db.Bookmarks.Add(ToRow(state, bookmark));
            foreach (var incident in state.Incidents)
                db.Incidents.Add(new IncidentRow
                {
                    WorkflowInstanceId = state.Id, ActivityId = incident.ActivityId, ActivityInstanceId = incident.ActivityInstanceId,
                    Message = incident.Message, Timestamp = incident.Timestamp,
                });
        }

        foreach (var commit in commits.Where(c => c.Journal.Count > 0))
            db.JournalChunks.Add(new JournalChunkRow
            {
                WorkflowInstanceId = commit.State.Id,
                FirstSequence = commit.Journal[0].Sequence,
                LastSequence = commit.Journal[^1].Sequence,
                Data = WorkflowJson.Serialize(commit.Journal),
            });

        var records = new Dictionary<string, ActivityExecutionRecord>();
        foreach (var commit in commits)
        foreach (var record in commit.ActivityExecutions)
            records[record.Id] = record;
        if (records.Count > 0)
        {
            var recordIds = records.Keys.ToList();
            var existingRecords = (await db.ActivityExecutions.Where(a => recordIds.Contains(a.Id)).Select(a => a.Id).ToListAsync()).ToHashSet();
            foreach (var record in records.Values)
            {
                var row = new ActivityExecutionRow
                {
                    Id = record.Id, WorkflowInstanceId = record.WorkflowInstanceId, ActivityNodeId = record.ActivityNodeId,
                    Status = (int)record.Status, StartedAt = record.StartedAt, Data = WorkflowJson.Serialize(record),
                };
                if (existingRecords.Contains(record.Id)) db.ActivityExecutions.Update(row);
                else db.ActivityExecutions.Add(row);
            }
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    private static WorkflowInstanceRow ToRow(WorkflowState state) => new()
    {
        Id = state.Id,
        DefinitionId = state.DefinitionId,
        DefinitionVersionId = state.DefinitionVersionId,
        Version = state.DefinitionVersion,
        Status = (int)state.Status,
        SubStatus = (int)state.SubStatus,
        CorrelationId = state.CorrelationId,
        Name = state.Name,
        IncidentCount = state.Incidents.Count,
        CreatedAt = state.CreatedAt,
        UpdatedAt = state.UpdatedAt,
        FinishedAt = state.FinishedAt,
        Data = WorkflowJson.Serialize(state),
    };

    private static BookmarkRow ToRow(WorkflowState state, Bookmark bookmark) => new()
    {
        Id = bookmark.Id,
        Name = bookmark.Name,
        Hash = bookmark.Hash,
        WorkflowInstanceId = state.Id,
        ActivityInstanceId = bookmark.ActivityInstanceId,
        CorrelationId = state.CorrelationId,
        Payload = bookmark.Payload is null ? null : WorkflowJson.Serialize(bookmark.Payload),
        CreatedAt = bookmark.CreatedAt,
        ResumeAt = bookmark.ResumeAt,
    };

    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _loop;
    }

    private sealed record Pending(WorkflowCommit Commit, TaskCompletionSource Done);
}

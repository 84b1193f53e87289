using ElsaM3.Persistence.Entities;
using ElsaM3.Runtime.Instances;
using ElsaM3.Runtime.Stores;
using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.Serialization;
using Microsoft.EntityFrameworkCore;
using ElsaM3.Workflows.Journal;
using ElsaM3.Runtime.Journal;
using ElsaM3.Runtime.Scheduling;
using ElsaM3.Persistence.Journal;

namespace ElsaM3.Persistence.Stores;

internal sealed class EfWorkflowInstanceStore(IDbContextFactory<ElsaM3DbContext> factory, CommitWriter writer, ITimerClaims timers) : IWorkflowInstanceStore
{
    public async Task<WorkflowState?> FindStateAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var data = await db.WorkflowInstances.Where(i => i.Id == id).Select(i => i.Data).FirstOrDefaultAsync(cancellationToken);
        return data is null ? null : WorkflowJson.Deserialize<WorkflowState>(data);
    }

    public async Task<Page<WorkflowInstanceSummary>> ListAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var filtered = Filter(db, query);
        var total = await filtered.LongCountAsync(cancellationToken);
        var rows = await Order(filtered, query).Skip(query.Page * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new Page<WorkflowInstanceSummary>(rows.Select(ToSummary).ToList(), total);
    }

    public async Task<IReadOnlyList<string>> FindIdsAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await Filter(db, query).Select(i => i.Id).ToListAsync(cancellationToken);
    }

    public Task CommitAsync(WorkflowCommit commit, CancellationToken cancellationToken) => writer.WriteAsync(commit);

    public Task<int> DeleteAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? Task.FromResult(0) : writer.DeleteAsync(ids);

    public async Task<IReadOnlyList<string>> FindEndedBeforeAsync(IReadOnlyCollection<WorkflowSubStatus> subStatuses, DateTimeOffset cutoff, int take, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        int finished = (int)WorkflowStatus.Finished;
        var values = subStatuses.Select(s => (int)s).ToList();
        return await db.WorkflowInstances.Where(i => i.UpdatedAt < cutoff && i.Status == finished && values.Contains(i.SubStatus))
            .OrderBy(i => i.UpdatedAt).Select(i => i.Id).Take(take).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> FindInterruptedAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        int pending = (int)WorkflowSubStatus.Pending, executing = (int)WorkflowSubStatus.Executing;
        return await db.WorkflowInstances.Where(i => i.SubStatus == pending || i.SubStatus == executing).Select(i => i.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StoredBookmark>> FindBookmarksAsync(string hash, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Bookmarks.AsNoTracking().Where(b => b.Hash == hash).OrderBy(b => b.CreatedAt).ToListAsync(cancellationToken);
        return rows.Select(ToModel).ToList();
    }

    public async Task<IReadOnlyList<StoredBookmark>> FindBookmarksByNameAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Bookmarks.AsNoTracking().Where(b => b.Name == name).OrderBy(b => b.CreatedAt).ToListAsync(cancellationToken);
        return rows.Select(ToModel).ToList();
    }

    public Task<IReadOnlyList<DueTimer>> ClaimDueTimersAsync(TimerClaim claim, int take, CancellationToken cancellationToken) =>
        timers.ClaimAsync(claim, take, cancellationToken);

    public async Task<DateTimeOffset?> NextResumeAtAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Bookmarks.Where(b => b.ResumeAt != null && (b.ClaimedUntil == null || b.ClaimedUntil <= now))
            .OrderBy(b => b.ResumeAt).Select(b => b.ResumeAt).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<Page<ExecutionLogRecord>> JournalAsync(JournalQuery query, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var chunks = await db.JournalChunks.AsNoTracking().Where(j => j.WorkflowInstanceId == query.WorkflowInstanceId)
            .OrderBy(j => j.FirstSequence).Select(j => new { j.Data, j.NodeName }).ToListAsync(cancellationToken);
        var records = chunks.SelectMany(chunk => JournalChunkFormat.Deserialize(chunk.Data, query.WorkflowInstanceId).Select(record =>
        {
            record.NodeName = chunk.NodeName;
            return record;
        }));
        if (query.ActivityIds is { Count: > 0 } activityIds) records = records.Where(r => activityIds.Contains(r.ActivityId));
        if (query.ActivityNodeIds is { Count: > 0 } nodeIds) records = records.Where(r => nodeIds.Contains(r.NodeId));
        if (query.ExcludedActivityTypes is { Count: > 0 } excluded) records = records.Where(r => !excluded.Contains(r.ActivityType));
        if (query.EventNames is { Count: > 0 } eventNames) records = records.Where(r => eventNames.Contains(r.EventName));
        var all = records.ToList();
        return new Page<ExecutionLogRecord>(all.Skip(query.Skip).Take(query.Take).ToList(), all.Count);
    }

    public async Task<IReadOnlyList<ActivityExecutionRecord>> ActivityExecutionsAsync(string workflowInstanceId, string? activityNodeId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = db.ActivityExecutions.AsNoTracking().Where(a => a.WorkflowInstanceId == workflowInstanceId);
        if (activityNodeId is not null) rows = rows.Where(a => a.ActivityNodeId == activityNodeId);
        var data = await rows.OrderBy(a => a.StartedAt).Select(a => a.Data).ToListAsync(cancellationToken);
        return data.Select(WorkflowJson.Deserialize<ActivityExecutionRecord>).ToList();
    }

    public async Task<ActivityExecutionRecord?> ActivityExecutionAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var data = await db.ActivityExecutions.Where(a => a.Id == id).Select(a => a.Data).FirstOrDefaultAsync(cancellationToken);
        return data is null ? null : WorkflowJson.Deserialize<ActivityExecutionRecord>(data);
    }

    private static IQueryable<WorkflowInstanceRow> Filter(ElsaM3DbContext db, InstanceQuery query)
    {
        var rows = db.WorkflowInstances.AsNoTracking();
        if (query.DefinitionIds is { Count: > 0 } definitionIds) rows = rows.Where(i => definitionIds.Contains(i.DefinitionId));
        if (query.Ids is { Count: > 0 } ids) rows = rows.Where(i => ids.Contains(i.Id));
        if (query.CorrelationId is { } correlationId) rows = rows.Where(i => i.CorrelationId == correlationId);
        if (query.Version is { } version) rows = rows.Where(i => i.Version == version);
        if (query.HasIncidents is { } hasIncidents) rows = hasIncidents ? rows.Where(i => i.IncidentCount > 0) : rows.Where(i => i.IncidentCount == 0);
        if (query.Statuses is { Count: > 0 } statuses)
        {
            var values = statuses.Select(s => (int)s).ToList();
            rows = rows.Where(i => values.Contains(i.Status));
        }
        if (query.SubStatuses is { Count: > 0 } subStatuses)
        {
            var values = subStatuses.Select(s => (int)s).ToList();
            rows = rows.Where(i => values.Contains(i.SubStatus));
        }
        if (!string.IsNullOrWhiteSpace(query.SearchTerm))
        {
            var term = query.SearchTerm.Trim();
            rows = rows.Where(i => i.Id == term || i.CorrelationId == term || EF.Functions.Like(i.Name!, $"%{term}%"));
        }
        return rows;
    }

    private static IQueryable<WorkflowInstanceRow> Order(IQueryable<WorkflowInstanceRow> rows, InstanceQuery query) => (query.OrderBy, query.Descending) switch
    {
        (InstanceOrder.LastExecuted, false) => rows.OrderBy(i => i.UpdatedAt),
        (InstanceOrder.LastExecuted, true) => rows.OrderByDescending(i => i.UpdatedAt),
        (InstanceOrder.Finished, false) => rows.OrderBy(i => i.FinishedAt),
        (InstanceOrder.Finished, true) => rows.OrderByDescending(i => i.FinishedAt),
        (InstanceOrder.Name, false) => rows.OrderBy(i => i.Name),
        (InstanceOrder.Name, true) => rows.OrderByDescending(i => i.Name),
        (_, false) => rows.OrderBy(i => i.CreatedAt),
        (_, true) => rows.OrderByDescending(i => i.CreatedAt),
    };

    private static WorkflowInstanceSummary ToSummary(WorkflowInstanceRow row) => new(
        row.Id, row.DefinitionId, row.DefinitionVersionId, row.Version, (WorkflowStatus)row.Status, (WorkflowSubStatus)row.SubStatus,
        row.CorrelationId, row.Name, row.IncidentCount, row.CreatedAt, row.UpdatedAt, row.FinishedAt, row.NodeName);

    private static StoredBookmark ToModel(BookmarkRow row) => new(
        row.Id, row.Name, row.Hash, row.WorkflowInstanceId, row.ActivityInstanceId, row.CorrelationId,
        row.Payload is null ? null : WorkflowJson.Deserialize<object>(row.Payload), row.CreatedAt, row.ResumeAt);
}

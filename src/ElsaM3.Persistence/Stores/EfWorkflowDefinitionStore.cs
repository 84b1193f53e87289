using ElsaM3.Persistence.Entities;
using ElsaM3.Runtime.Definitions;
using ElsaM3.Runtime.Stores;
using ElsaM3.Runtime.Triggers;
using ElsaM3.Workflows.Definitions;
using ElsaM3.Workflows.Serialization;
using Microsoft.EntityFrameworkCore;

namespace ElsaM3.Persistence.Stores;

internal sealed class EfWorkflowDefinitionStore(IDbContextFactory<ElsaM3DbContext> factory, CommitWriter writer, WorkflowDefinitionSerializer serializer) : IWorkflowDefinitionStore
{
    public async Task<WorkflowDefinition?> FindAsync(string definitionId, VersionOptions versionOptions, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await Filter(db.WorkflowDefinitions.AsNoTracking().Where(d => d.DefinitionId == definitionId), versionOptions)
            .OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : ToModel(row);
    }

    public async Task<WorkflowDefinition?> FindByIdAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.WorkflowDefinitions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        return row is null ? null : ToModel(row);
    }

    public async Task<IReadOnlyList<WorkflowDefinition>> FindManyAsync(DefinitionQuery query, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await Page(Order(Query(db, query), query), query).ToListAsync(cancellationToken);
        return rows.Select(ToModel).ToList();
    }

    public async Task<Page<WorkflowDefinitionSummary>> ListAsync(DefinitionQuery query, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var filtered = Query(db, query);
        var total = await filtered.LongCountAsync(cancellationToken);
        var items = await Page(Order(filtered, query), query)
            .Select(d => new WorkflowDefinitionSummary(d.Id, d.DefinitionId, d.Name, d.Description, d.Version, d.IsLatest, d.IsPublished, d.CreatedAt))
            .ToListAsync(cancellationToken);
        return new Page<WorkflowDefinitionSummary>(items, total);
    }

    public Task SaveAsync(IReadOnlyCollection<WorkflowDefinition> versions, CancellationToken cancellationToken) => writer.WriteExclusiveAsync(async ct =>
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var ids = versions.Select(v => v.Id).ToList();
        var existing = await db.WorkflowDefinitions.Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        foreach (var version in versions)
        {
            var row = existing.GetValueOrDefault(version.Id) ?? db.WorkflowDefinitions.Add(new WorkflowDefinitionRow { Id = version.Id }).Entity;
            row.DefinitionId = version.DefinitionId;
            row.Version = version.Version;
            row.Name = version.Name;
            row.Description = version.Description;
            row.IsLatest = version.IsLatest;
            row.IsPublished = version.IsPublished;
            row.IsSystem = version.IsSystem;
            row.CreatedAt = version.CreatedAt;
            row.Data = serializer.Serialize(version);
        }
        await db.SaveChangesAsync(ct);
        return true;
    }, cancellationToken);

    public Task<int> DeleteAsync(string definitionId, CancellationToken cancellationToken) => writer.WriteExclusiveAsync(async ct =>
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Triggers.Where(t => t.WorkflowDefinitionId == definitionId).ExecuteDeleteAsync(ct);
        return await db.WorkflowDefinitions.Where(d => d.DefinitionId == definitionId).ExecuteDeleteAsync(ct);
    }, cancellationToken);

    public Task<bool> DeleteVersionAsync(string id, CancellationToken cancellationToken) => writer.WriteExclusiveAsync(async ct =>
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Triggers.Where(t => t.WorkflowDefinitionVersionId == id).ExecuteDeleteAsync(ct);
        return await db.WorkflowDefinitions.Where(d => d.Id == id).ExecuteDeleteAsync(ct) > 0;
    }, cancellationToken);

    public Task ReplaceTriggersAsync(string definitionId, IReadOnlyCollection<StoredTrigger> triggers, CancellationToken cancellationToken) => writer.WriteExclusiveAsync(async ct =>
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Triggers.Where(t => t.WorkflowDefinitionId == definitionId).ExecuteDeleteAsync(ct);
        db.Triggers.AddRange(triggers.Select(t => new TriggerRow
        {
            Id = t.Id, WorkflowDefinitionId = t.WorkflowDefinitionId, WorkflowDefinitionVersionId = t.WorkflowDefinitionVersionId,
            Name = t.Name, ActivityId = t.ActivityId, Hash = t.Hash, Payload = WorkflowJson.Serialize(t.Payload),
        }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }, cancellationToken);

    public async Task<IReadOnlyList<StoredTrigger>> ListTriggersAsync(string? name, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = db.Triggers.AsNoTracking();
        if (name is not null) query = query.Where(t => t.Name == name);
        var rows = await query.ToListAsync(cancellationToken);
        return rows.Select(t => new StoredTrigger(t.Id, t.WorkflowDefinitionId, t.WorkflowDefinitionVersionId, t.Name, t.ActivityId, t.Hash,
            t.Payload is null ? null : WorkflowJson.Deserialize<object>(t.Payload))).ToList();
    }

    private WorkflowDefinition ToModel(WorkflowDefinitionRow row)
    {
        var definition = serializer.Deserialize(row.Data);
        definition.IsLatest = row.IsLatest;
        definition.IsPublished = row.IsPublished;
        return definition;
    }

    private static IQueryable<WorkflowDefinitionRow> Query(ElsaM3DbContext db, DefinitionQuery query)
    {
        var rows = Filter(db.WorkflowDefinitions.AsNoTracking(), query.VersionOptions);
        if (query.DefinitionIds is { Count: > 0 } definitionIds) rows = rows.Where(d => definitionIds.Contains(d.DefinitionId));
        if (query.Ids is { Count: > 0 } ids) rows = rows.Where(d => ids.Contains(d.Id));
        if (query.IsSystem is { } isSystem) rows = rows.Where(d => d.IsSystem == isSystem);
        if (query.Name is { } name) rows = rows.Where(d => d.Name == name);
        if (!string.IsNullOrWhiteSpace(query.SearchTerm))
        {
            var term = $"%{query.SearchTerm.Trim()}%";
            rows = rows.Where(d => EF.Functions.Like(d.Name!, term) || EF.Functions.Like(d.Description!, term) || EF.Functions.Like(d.DefinitionId, term));
        }
        return rows;
    }

    private static IQueryable<WorkflowDefinitionRow> Filter(IQueryable<WorkflowDefinitionRow> rows, VersionOptions options) => options.Selection switch
    {
        VersionSelection.Latest => rows.Where(d => d.IsLatest),
        VersionSelection.Published => rows.Where(d => d.IsPublished),
        VersionSelection.LatestOrPublished => rows.Where(d => d.IsLatest || d.IsPublished),
        VersionSelection.LatestAndPublished => rows.Where(d => d.IsLatest && d.IsPublished),
        VersionSelection.Draft => rows.Where(d => !d.IsPublished),
        VersionSelection.SpecificVersion => rows.Where(d => d.Version == options.Version),
        _ => rows,
    };

    private static IQueryable<WorkflowDefinitionRow> Order(IQueryable<WorkflowDefinitionRow> rows, DefinitionQuery query) => (query.OrderBy, query.Descending) switch
    {
        (DefinitionOrder.Created, false) => rows.OrderBy(d => d.CreatedAt).ThenBy(d => d.Version),
        (DefinitionOrder.Created, true) => rows.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Version),
        (DefinitionOrder.Version, false) => rows.OrderBy(d => d.Version),
        (DefinitionOrder.Version, true) => rows.OrderByDescending(d => d.Version),
        (_, false) => rows.OrderBy(d => d.Name).ThenBy(d => d.Version),
        (_, true) => rows.OrderByDescending(d => d.Name).ThenByDescending(d => d.Version),
    };

    private static IQueryable<WorkflowDefinitionRow> Page(IQueryable<WorkflowDefinitionRow> rows, DefinitionQuery query) =>
        query.PageSize == int.MaxValue ? rows : rows.Skip(query.Page * query.PageSize).Take(query.PageSize);
}

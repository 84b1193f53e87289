using ElsaM3.Audit;
using ElsaM3.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace ElsaM3.Persistence.Stores;

/// <summary>The audit trail in the <c>AuditTrail</c> table.</summary>
internal sealed class EfAuditTrail(IDbContextFactory<ElsaM3DbContext> factory, CommitWriter writer) : IAuditTrail
{
    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken) => writer.WriteExclusiveAsync(async ct =>
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.AuditTrail.Add(new AuditRow
        {
            Id = entry.Id, Timestamp = entry.Timestamp, Actor = entry.Actor, ActorKind = entry.ActorKind.ToString(), Action = entry.Action.ToString(),
            Target = entry.Target, ClientAddress = entry.ClientAddress, Detail = entry.Detail,
        });
        await db.SaveChangesAsync(ct);
        return true;
    }, cancellationToken);

    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = db.AuditTrail.AsNoTracking();
        if (query.Actor is { } actor) rows = rows.Where(r => r.Actor == actor);
        if (query.Action is { } action) rows = rows.Where(r => r.Action == action.ToString());
        if (query.Target is { } target) rows = rows.Where(r => r.Target == target);
        if (query.From is { } from) rows = rows.Where(r => r.Timestamp >= from);
        if (query.To is { } to) rows = rows.Where(r => r.Timestamp <= to);
        var total = await rows.LongCountAsync(cancellationToken);
        var page = await rows.OrderByDescending(r => r.Timestamp).ThenByDescending(r => r.Id)
            .Skip(query.Page * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new AuditPage(page.Select(r => new AuditEntry
        {
            Id = r.Id, Timestamp = r.Timestamp, Actor = r.Actor, ActorKind = Enum.Parse<ActorKind>(r.ActorKind), Action = Enum.Parse<AuditAction>(r.Action),
            Target = r.Target, ClientAddress = r.ClientAddress, Detail = r.Detail,
        }).ToList(), total);
    }

    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, int max, CancellationToken cancellationToken) => writer.WriteExclusiveAsync(async ct =>
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var oldest = db.AuditTrail.Where(r => r.Timestamp < cutoff).OrderBy(r => r.Timestamp).Take(max).Select(r => r.Id);
        return await db.AuditTrail.Where(r => oldest.Contains(r.Id)).ExecuteDeleteAsync(ct);
    }, cancellationToken);
}

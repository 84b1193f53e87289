using ElsaM3.Identity.Sessions;
using ElsaM3.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace ElsaM3.Persistence.Stores;

/// <summary>
/// Sessions in the <c>UserSessions</c> table. Rotation is one conditional update (current token → next), so two nodes
/// given the same refresh token at once cannot both rotate it: the second finds it used and ends the session.
/// </summary>
internal sealed class EfUserSessionStore(IDbContextFactory<ElsaM3DbContext> factory, CommitWriter writer) : IUserSessionStore
{
    public Task CreateAsync(UserSession session, CancellationToken cancellationToken) => writer.WriteExclusiveAsync(async ct =>
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // Sessions that expired a while ago go as new ones start (what is left of them is only who signed in when, in the audit trail).
        var expired = session.CreatedAt.AddDays(-1);
        await db.UserSessions.Where(u => u.ExpiresAt < expired).ExecuteDeleteAsync(ct);
        db.UserSessions.Add(new UserSessionRow
        {
            Id = session.Id, UserName = session.UserName, CurrentTokenId = session.CurrentTokenId, CreatedAt = session.CreatedAt, ExpiresAt = session.ExpiresAt,
        });
        await db.SaveChangesAsync(ct);
        return true;
    }, cancellationToken);

    public Task<RotationResult> RotateAsync(string sessionId, string presentedTokenId, string nextTokenId, DateTimeOffset now, CancellationToken cancellationToken) =>
        writer.WriteExclusiveAsync(async ct =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var rotated = await db.UserSessions
                .Where(u => u.Id == sessionId && u.CurrentTokenId == presentedTokenId && u.RevokedAt == null && u.ExpiresAt > now)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.CurrentTokenId, nextTokenId), ct);
            if (rotated == 1) return RotationResult.Rotated;
            var reused = await db.UserSessions
                .Where(u => u.Id == sessionId && u.RevokedAt == null && u.ExpiresAt > now)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.RevokedAt, now).SetProperty(x => x.RevokedReason, SessionEndReasons.Reused), ct);
            return reused == 1 ? RotationResult.Reused : RotationResult.Ended;
        }, cancellationToken);

    public Task<bool> RevokeAsync(string sessionId, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        writer.WriteExclusiveAsync(async ct =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            return await db.UserSessions.Where(u => u.Id == sessionId && u.RevokedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.RevokedAt, now).SetProperty(x => x.RevokedReason, reason), ct) == 1;
        }, cancellationToken);

    public async Task<bool> IsActiveAsync(string sessionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.UserSessions.AnyAsync(u => u.Id == sessionId && u.RevokedAt == null && u.ExpiresAt > now, cancellationToken);
    }
}

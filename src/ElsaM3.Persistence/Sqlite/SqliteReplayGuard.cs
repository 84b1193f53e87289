using ElsaM3.Identity.Applications;
using ElsaM3.Persistence.Stores;
using Microsoft.EntityFrameworkCore;

namespace ElsaM3.Persistence.Sqlite;

/// <summary>
/// Signatures seen on the embedded store, kept in its <c>SeenSignatures</c> table, so a signed request is good once even
/// across a restart. The insert that finds the signature kept (and not lapsed) is a replay; lapsed rows are replaced.
/// </summary>
internal sealed class SqliteReplayGuard(IDbContextFactory<ElsaM3DbContext> factory, CommitWriter writer, TimeProvider clock) : ISignatureReplayGuard
{
    private static readonly TimeSpan ClearEvery = TimeSpan.FromMinutes(1);
    private long _lastCleared;

    public Task<bool> FirstUseAsync(string signature, DateTimeOffset keepUntil, CancellationToken cancellationToken) => writer.WriteExclusiveAsync(async ct =>
    {
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(ct);
        if (now.UtcTicks - _lastCleared >= ClearEvery.Ticks)
        {
            _lastCleared = now.UtcTicks;
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "SeenSignatures" WHERE "KeepUntil" <= {now.UtcTicks}""", ct);
        }
        return await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "SeenSignatures" ("Signature", "KeepUntil") VALUES ({signature}, {keepUntil.UtcTicks})
            ON CONFLICT ("Signature") DO UPDATE SET "KeepUntil" = excluded."KeepUntil" WHERE "SeenSignatures"."KeepUntil" <= {now.UtcTicks}
            """, ct) == 1;
    }, cancellationToken);
}

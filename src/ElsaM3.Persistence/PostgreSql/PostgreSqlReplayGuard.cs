using ElsaM3.Identity.Applications;
using Npgsql;

namespace ElsaM3.Persistence.PostgreSql;

/// <summary>
/// Signatures seen by any node, in the shared database: the insert that finds the signature already kept (and not yet
/// lapsed) is a replay, whichever node took the first request. Lapsed rows are replaced, and cleared now and then.
/// </summary>
internal sealed class PostgreSqlReplayGuard(NpgsqlDataSource dataSource, TimeProvider clock) : ISignatureReplayGuard
{
    private static readonly TimeSpan ClearEvery = TimeSpan.FromMinutes(1);
    private long _lastCleared;

    public async Task<bool> FirstUseAsync(string signature, DateTimeOffset keepUntil, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await ClearLapsedAsync(now, cancellationToken);
        await using var command = dataSource.Command("""
            INSERT INTO "SeenSignatures" ("Signature", "KeepUntil") VALUES ($1, $2)
            ON CONFLICT ("Signature") DO UPDATE SET "KeepUntil" = excluded."KeepUntil" WHERE "SeenSignatures"."KeepUntil" <= $3
            """, signature, keepUntil.UtcTicks, now.UtcTicks);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task ClearLapsedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var last = Interlocked.Read(ref _lastCleared);
        if (now.UtcTicks - last < ClearEvery.Ticks || Interlocked.CompareExchange(ref _lastCleared, now.UtcTicks, last) != last) return;
        await using var clear = dataSource.Command("""DELETE FROM "SeenSignatures" WHERE "KeepUntil" <= $1""", now.UtcTicks);
        await clear.ExecuteNonQueryAsync(cancellationToken);
    }
}

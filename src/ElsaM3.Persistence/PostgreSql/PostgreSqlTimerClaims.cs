using ElsaM3.Persistence.Stores;
using ElsaM3.Runtime.Scheduling;
using Npgsql;

namespace ElsaM3.Persistence.PostgreSql;

/// <summary>
/// Due timers leased to one node at a time with <c>FOR UPDATE SKIP LOCKED</c> (the pattern of Hangfire's and Quartz's
/// PostgreSQL stores): two nodes sweeping together each get different timers, and a node that dies mid-resume has its
/// timers taken over when the lease lapses. The resume's commit rewrites the instance's bookmarks, which ends the claim.
/// </summary>
internal sealed class PostgreSqlTimerClaims(NpgsqlDataSource dataSource) : ITimerClaims
{
    public async Task<IReadOnlyList<DueTimer>> ClaimAsync(TimerClaim claim, int take, CancellationToken cancellationToken)
    {
        await using var command = dataSource.Command("""
            UPDATE "Bookmarks" SET "ClaimedBy" = $1, "ClaimedUntil" = $2
            WHERE "Id" IN (
                SELECT "Id" FROM "Bookmarks"
                WHERE "ResumeAt" IS NOT NULL AND "ResumeAt" <= $3 AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" <= $3)
                ORDER BY "ResumeAt" LIMIT $4
                FOR UPDATE SKIP LOCKED)
            RETURNING "Id", "WorkflowInstanceId", "ResumeAt"
            """, claim.Node, claim.Until.UtcTicks, claim.Now.UtcTicks, take);
        var claimed = new List<(DueTimer Timer, long ResumeAt)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            claimed.Add((new DueTimer(reader.GetString(0), reader.GetString(1)), reader.GetInt64(2)));
        return claimed.OrderBy(c => c.ResumeAt).Select(c => c.Timer).ToList();
    }
}

using ElsaM3.Persistence.Stores;
using ElsaM3.Runtime.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace ElsaM3.Persistence.Sqlite;

/// <summary>
/// One node owns an SQLite store, so a due timer needs no claim: this reads them (the scheduler keeps the ones it is
/// resuming itself), and writes nothing on the single writer's connection.
/// </summary>
internal sealed class SqliteTimerClaims(IDbContextFactory<ElsaM3DbContext> factory) : ITimerClaims
{
    public async Task<IReadOnlyList<DueTimer>> ClaimAsync(TimerClaim claim, int take, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Bookmarks.AsNoTracking().Where(b => b.ResumeAt != null && b.ResumeAt <= claim.Now)
            .OrderBy(b => b.ResumeAt).Take(take).Select(b => new DueTimer(b.Id, b.WorkflowInstanceId)).ToListAsync(cancellationToken);
    }
}

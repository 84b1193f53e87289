using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ElsaM3.Persistence.Sqlite;

/// <summary>
/// Per-connection SQLite settings: wait for a busy writer instead of failing, fsync only at checkpoints (safe with WAL),
/// keep 32 MiB of pages cached, and checkpoint every 250 WAL pages (1 MiB): small, frequent checkpoints inside the
/// group commit keep the latency tail shorter than SQLite's default of 1,000 pages (bench/README.md). A checkpointer
/// on its own connection was tried and starves under steady writes: the log never resets and grows without bound.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -32768; PRAGMA wal_autocheckpoint = 250;";

    public static async Task ApplyAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
        ApplyAsync(connection, cancellationToken);
}

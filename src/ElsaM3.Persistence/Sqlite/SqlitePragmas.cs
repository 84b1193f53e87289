using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ElsaM3.Persistence.Sqlite;

/// <summary>
/// Per-connection SQLite settings: wait for a busy writer instead of failing, fsync only at checkpoints (safe with WAL),
/// keep 32 MiB of pages cached, and checkpoint every 250 WAL pages (1 MiB): small, frequent checkpoints inside the
/// group commit keep the latency tail shorter than SQLite's default of 1,000 pages (bench/README.md). A checkpointer
/// on its own connection was tried and starves under steady writes: the log never resets and grows without bound.
/// The settings last as long as the physical connection, so each pooled connection gets them once: running them on
/// every open (every EF query) cost a visible share of the M3 path, cache_size trimming the page cache each time.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Applied = [];

    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -32768; PRAGMA wal_autocheckpoint = 250;";

    public static async Task ApplyAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!FirstOpen(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
        FirstOpen(connection) ? ApplyAsync(connection, cancellationToken) : Task.CompletedTask;

    /// <summary>True the first time this physical connection is opened (a connection is used by one caller at a time).</summary>
    private static bool FirstOpen(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle }) return true;
        if (Applied.TryGetValue(handle, out _)) return false;
        Applied.AddOrUpdate(handle, Applied);
        return true;
    }
}

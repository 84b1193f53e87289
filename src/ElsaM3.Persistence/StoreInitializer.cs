using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ElsaM3.Persistence;

/// <summary>
/// Prepares the store: for SQLite, creates the data folder and turns on WAL mode; applies the provider's migrations, or,
/// when <see cref="StorageOptions.MigrateAtStart"/> is off, checks that someone has. EF Core holds a database lock while
/// it migrates, so nodes starting together apply each migration once.
/// </summary>
public sealed class StoreInitializer(IDbContextFactory<ElsaM3DbContext> factory, IOptions<StorageOptions> options)
{
    public Task InitializeAsync(CancellationToken cancellationToken) => InitializeAsync(options.Value.MigrateAtStart, cancellationToken);

    /// <summary>Applies every pending migration (the <c>migrate</c> command); returns their names.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await InitializeAsync(migrate: true, cancellationToken);
        return pending;
    }

    private async Task InitializeAsync(bool migrate, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var sqlite = db.Database.IsSqlite();
        if (sqlite)
        {
            var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (builder.DataSource != ":memory:" && directory is not null) Directory.CreateDirectory(directory);
        }
        if (migrate) await db.Database.MigrateAsync(cancellationToken);
        else if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList() is { Count: > 0 } pending)
            throw new InvalidOperationException(
                $"The database lacks {pending.Count} migration(s) ({string.Join(", ", pending)}) and {StorageOptions.Section}:MigrateAtStart is false: " +
                "apply them with the migrate command (dotnet ElsaM3.Server.dll migrate) first.");
        if (sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
    }
}

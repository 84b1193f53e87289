using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ElsaM3.Persistence;

/// <summary>Applies the provider's migrations; for SQLite, first creates the data folder, then turns on WAL mode.</summary>
public sealed class StoreInitializer(IDbContextFactory<ElsaM3DbContext> factory)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!db.Database.IsSqlite())
        {
            await db.Database.MigrateAsync(cancellationToken);
            return;
        }
        var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (builder.DataSource != ":memory:" && directory is not null) Directory.CreateDirectory(directory);
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
    }
}

using ElsaM3.Persistence;
using ElsaM3.Server.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaM3.Server.Tests.Runtime;

/// <summary>
/// The store's connection settings are applied once per physical connection; a pooled connection opened again (every
/// EF query opens one) still has them.
/// </summary>
public sealed class SqlitePragmasTests : IAsyncLifetime
{
    private readonly ElsaM3Application _app = new(settings: TestStore.PinnedToSqlite());

    public async Task InitializeAsync() => await _app.CreateAdminClientAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_pooled_connection_opened_again_keeps_the_busy_timeout_and_cache_size()
    {
        var factory = _app.Services.GetRequiredService<IDbContextFactory<ElsaM3DbContext>>();
        for (var open = 1; open <= 3; open++)
        {
            await using var db = await factory.CreateDbContextAsync();
            (await Pragma(db, "busy_timeout")).ShouldBe(10_000, $"open {open}");
            (await Pragma(db, "cache_size")).ShouldBe(-32_768, $"open {open}");
        }
    }

    private static async Task<long> Pragma(ElsaM3DbContext db, string name)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {name}";
            return Convert.ToInt64(await command.ExecuteScalarAsync());
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

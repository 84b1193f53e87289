using ElsaM3.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaM3.Server.Tests.Persistence;

/// <summary>
/// <c>migrate</c> applies the schema with the server's configuration (for councils whose DBAs run it), and a server told
/// not to migrate at start refuses an out-of-date schema, naming what is missing, then starts once it is applied.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MigrateCommandTests(PostgresServer postgres)
{
    [Fact]
    public async Task Migrate_applies_the_schema_once_and_a_server_that_does_not_migrate_needs_it()
    {
        var database = await postgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["ElsaM3:Storage:Provider"] = "PostgreSql", ["ConnectionStrings:ElsaM3"] = database, ["ElsaM3:Storage:MigrateAtStart"] = "false",
        };

        await using (var early = new ElsaM3Application(settings: settings))
        {
            var refused = Should.Throw<InvalidOperationException>(() => early.Services.GetRequiredService<ElsaM3.Persistence.StoreInitializer>());
            refused.Message.ShouldContain("migrate");
            refused.Message.ShouldContain("Initial");
        }

        var (code, output) = await MigrateAsync("--ElsaM3:Storage:Provider=PostgreSql", $"--ConnectionStrings:ElsaM3={database}");
        code.ShouldBe(0, output);
        output.ShouldContain("Applied");
        output.ShouldContain("Nodes");
        output.ShouldNotContain("Username=", Case.Insensitive);
        (await MigrateAsync("--ElsaM3:Storage:Provider=PostgreSql", $"--ConnectionStrings:ElsaM3={database}")).Output.ShouldContain("up to date");

        await using var migrated = new ElsaM3Application(settings: settings);
        (await migrated.CreateClient().GetAsync("/health/ready")).IsSuccessStatusCode.ShouldBeTrue();
    }

    [Fact]
    public async Task Migrate_without_a_connection_string_for_PostgreSql_fails_and_says_what_to_set()
    {
        var (code, output) = await MigrateAsync("--ElsaM3:Storage:Provider=PostgreSql");
        code.ShouldBe(1);
        output.ShouldContain("ConnectionStrings:ElsaM3");
    }

    private static Task<(int Code, string Output)> MigrateAsync(params string[] args) =>
        DotnetTool.RunAsync(ServerProcess.ServerDll, ["migrate", .. args], TimeSpan.FromMinutes(2));
}

using ElsaM3.Persistence;
using ElsaM3.Runtime.Coordination;
using ElsaM3.Runtime.Instances;
using ElsaM3.Runtime.Scheduling;
using ElsaM3.Server.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ElsaM3.Server.Tests.Persistence;

/// <summary>
/// Due timers on a shared PostgreSQL store go to one node each: two nodes claiming together split them, a claim keeps the
/// others off until its lease lapses, and then another node takes the timer over (the first one died mid-resume).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TimerClaimTests(PostgresServer postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Two_nodes_claiming_together_split_the_due_timers_and_a_lapsed_claim_is_taken_over()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var a = await StoreAsync(database, "node-a");
        await using var b = await StoreAsync(database, "node-b");
        await AddTimersAsync(database, due: 200, later: 5);
        var onA = a.GetRequiredService<IWorkflowInstanceStore>();
        var onB = b.GetRequiredService<IWorkflowInstanceStore>();

        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? onA : onB).ClaimDueTimersAsync(new TimerClaim(i % 2 == 0 ? "node-a" : "node-b", Now, Lease), 40, default)));
        var claimed = claims.SelectMany(c => c).Select(t => t.BookmarkId).ToList();
        claimed.Count.ShouldBe(200);
        claimed.Distinct().Count().ShouldBe(200, "no timer went to two claims");
        (await onB.ClaimDueTimersAsync(new TimerClaim("node-b", Now.AddSeconds(29), Lease), 500, default)).ShouldBeEmpty();
        (await onB.NextResumeAtAsync(Now, default)).ShouldBe(Now.AddMinutes(5), "the claimed timers are not waited for; the later ones are");

        // Node A died holding its claims: once the lease lapses node B takes them over.
        var fromA = claims.Where((_, i) => i % 2 == 0).SelectMany(c => c).Select(t => t.BookmarkId).ToHashSet();
        var takenOver = await onB.ClaimDueTimersAsync(new TimerClaim("node-b", Now + Lease + TimeSpan.FromSeconds(1), Lease), 500, default);
        takenOver.Select(t => t.BookmarkId).ToHashSet().ShouldBe(claimed.ToHashSet(), ignoreOrder: true);
        fromA.ShouldNotBeEmpty();
    }

    private static async Task<ServiceProvider> StoreAsync(string connectionString, string node)
    {
        var services = new ServiceCollection().AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ElsaM3:Storage:Provider"] = "PostgreSql",
                ["ConnectionStrings:ElsaM3"] = connectionString,
                ["ElsaM3:Node:Name"] = node,
            }).Build());
        services.AddOptions<NodeOptions>().BindConfiguration(NodeOptions.Section);
        var provider = services.AddElsaM3Persistence().BuildServiceProvider();
        await provider.GetRequiredService<StoreInitializer>().InitializeAsync(default);
        return provider;
    }

    /// <summary>Timer bookmarks of as many instances: <paramref name="due"/> due a minute before <see cref="Now"/>, <paramref name="later"/> due from five minutes after it.</summary>
    private static async Task AddTimersAsync(string connectionString, int due, int later)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        for (var i = 0; i < due + later; i++)
        {
            var resumeAt = i < due ? Now.AddMinutes(-1).AddMilliseconds(i) : Now.AddMinutes(5 + i - due);
            await using var insert = new NpgsqlCommand("""
                INSERT INTO "Bookmarks" ("Id", "Name", "Hash", "WorkflowInstanceId", "ActivityInstanceId", "CreatedAt", "ResumeAt")
                VALUES ($1, 'Elsa.Delay', 'h', $2, 'a', $3, $4)
                """, connection);
            insert.Parameters.Add(new NpgsqlParameter { Value = $"timer-{i}" });
            insert.Parameters.Add(new NpgsqlParameter { Value = $"instance-{i}" });
            insert.Parameters.Add(new NpgsqlParameter { Value = Now.AddHours(-1).UtcTicks });
            insert.Parameters.Add(new NpgsqlParameter { Value = resumeAt.UtcTicks });
            await insert.ExecuteNonQueryAsync();
        }
    }
}

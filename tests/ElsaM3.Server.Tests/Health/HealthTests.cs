using System.Net;
using ElsaM3.Persistence;
using ElsaM3.Persistence.Health;
using ElsaM3.Server.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ElsaM3.Server.Tests.Health;

public sealed class HealthTests
{
    [Fact]
    public async Task Live_ready_and_the_full_report_answer_anonymously_with_each_check()
    {
        await using var app = new ElsaM3Application();
        var client = app.CreateClient();

        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonObjectLike ready;
        while (true)
        {
            var response = await client.GetAsync("/health/ready");
            ready = new JsonObjectLike(await response.Content.ReadAsStringAsync());
            if (response.StatusCode == HttpStatusCode.OK && ready.Status("scheduler") == "Healthy") break;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Never ready: " + ready.Text);
            await Task.Delay(100);
        }
        ready.Status("store").ShouldBe("Healthy");
        var full = await client.GetJsonAsync("/health");
        full["simulators"]!.GetValue<bool>().ShouldBeTrue();
        full["checks"]!["store"]!["description"]!.GetValue<string>().ShouldBe("The database answers and its schema is current.");
    }

    [Fact]
    public async Task A_database_without_the_migrations_is_not_ready()
    {
        var path = Path.Combine(Path.GetTempPath(), "elsam3-tests", Guid.NewGuid().ToString("N") + ".db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var empty = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}")) await empty.OpenAsync(); // a database, no schema
        var factory = new PooledDbContextFactory<ElsaM3DbContext>(new DbContextOptionsBuilder<ElsaM3DbContext>().UseSqlite($"Data Source={path}").Options);

        var result = await new StoreHealthCheck(factory).CheckHealthAsync(new HealthCheckContext());

        result.Status.ShouldBe(HealthStatus.Unhealthy);
        result.Description!.ShouldEndWith("migration(s) not applied yet.");
    }

    private sealed class JsonObjectLike(string text)
    {
        public string Text { get; } = text;

        public string? Status(string check) =>
            System.Text.Json.Nodes.JsonNode.Parse(Text)?["checks"]?[check]?["status"]?.GetValue<string>();
    }
}

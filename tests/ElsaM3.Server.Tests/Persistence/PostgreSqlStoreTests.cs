using System.Net;
using ElsaM3.Runtime.Instances;
using ElsaM3.Server.Tests.M3pp;
using ElsaM3.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaM3.Server.Tests.Persistence;

/// <summary>The store on PostgreSQL (<c>ElsaM3:Storage:Provider=PostgreSql</c>): migrations, the commit path, queries, deletes and a restart.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlStoreTests(PostgresServer postgres)
{
    private async Task<Dictionary<string, string?>> OnPostgresAsync() => new()
    {
        ["ElsaM3:Storage:Provider"] = "PostgreSql",
        ["ConnectionStrings:ElsaM3"] = await postgres.CreateDatabaseAsync(),
    };

    [Fact]
    public async Task The_noise_sample_runs_end_to_end_with_its_journal_log_and_queries_on_PostgreSQL()
    {
        var settings = await OnPostgresAsync();
        await using var kit = await M3ppKit.StartAsync(settings);
        var instanceId = await kit.SendCaseAsync("noise-complaint", M3ppKit.SampleCase("noise-complaint"));

        var instance = await kit.WaitForAsync(instanceId);
        instance["definitionId"]!.GetValue<string>().ShouldBe("noise-complaint");
        (await kit.CaseAsync("101004567890"))["references"]!["m3-worksheet"]!.GetValue<string>().ShouldBe("WK/2025000123");
        (await kit.LogAsync("101004567890")).Select(e => $"{e["operation"]}:{e["outcome"]}").ShouldBe(["CreateWorksheet:Success", "PullBackWorksheet:Success"]);
        var journal = await kit.Admin.GetJsonAsync($"{ApiClient.Api}/workflow-instances/{instanceId}/journal?pageSize=100");
        ApiClient.EventsOf(journal).ShouldContain("create:Completed");
        var listed = await kit.Admin.GetJsonAsync($"{ApiClient.Api}/workflow-instances?definitionId=noise-complaint&status=Finished");
        listed["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ShouldBe([instanceId]);
        (await kit.Admin.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Stored in PostgreSQL, not in a SQLite file.
        File.Exists(Path.Combine(kit.App.DataDirectory, "elsam3.db")).ShouldBeFalse();
        await using (var connection = new Npgsql.NpgsqlConnection(settings["ConnectionStrings:ElsaM3"]))
        {
            await connection.OpenAsync();
            await using var count = new Npgsql.NpgsqlCommand("""SELECT count(*) FROM "IntegrationLog" WHERE "CaseReference" = '101004567890'""", connection);
            ((long)(await count.ExecuteScalarAsync())!).ShouldBe(2);
        }

        // Deleting takes the instance and everything recorded about it.
        var deleted = await kit.Admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{ApiClient.Api}/workflow-instances/{instanceId}"));
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent, await deleted.Content.ReadAsStringAsync());
        (await kit.App.Services.GetRequiredService<IWorkflowInstanceStore>().FindStateAsync(instanceId, default)).ShouldBeNull();
    }

    [Fact]
    public async Task A_case_waiting_when_the_server_stops_carries_on_after_it_starts_again_on_the_same_database()
    {
        var settings = await OnPostgresAsync();
        var data = Path.Combine(Path.GetTempPath(), "elsam3-tests", Guid.NewGuid().ToString("N"));
        foreach (var (key, value) in new Dictionary<string, string?> { ["ElsaM3:M3pp:PollInterval"] = TwoWayKit.PollInterval.ToString() }) settings[key] = value;
        string worksheet;
        string instanceId;
        await using (var first = await M3ppKit.StartAsync(settings, data))
            (instanceId, worksheet) = await first.StartWatchingAsync("101004567950");

        await using var second = await M3ppKit.StartAsync(settings, data);
        await second.OfficerChangesAsync(worksheet, new { status = "CLOSED", closureReason = "DUPLICATE" });
        await second.WaitForAsync(instanceId);
        var @case = await second.CaseAsync("101004567950");
        @case["status"]!.GetValue<string>().ShouldBe("closed");
        TwoWayKit.Notes(@case).Last().ShouldStartWith("customer: Closed in M3: duplicate.");
    }

    [Fact]
    public async Task The_server_refuses_to_start_on_PostgreSQL_without_a_connection_string()
    {
        await using var app = new ElsaM3Application(settings: new Dictionary<string, string?> { ["ElsaM3:Storage:Provider"] = "PostgreSql" });
        var failure = await Should.ThrowAsync<Exception>(() => app.CreateAdminClientAsync());
        failure.ToString().ShouldContain("ElsaM3:Storage:Provider PostgreSql needs ConnectionStrings:ElsaM3");
    }
}

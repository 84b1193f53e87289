using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaM3.M3pp.Activities.Activities;
using ElsaM3.M3pp.Activities.Changes;
using ElsaM3.Server.Tests.M3pp;
using ElsaM3.Server.Tests.Support;

namespace ElsaM3.Server.Tests.Persistence;

/// <summary>
/// Two server processes (the real server, as a council deploys it) on one PostgreSQL database, calling the M3 and CXM
/// simulators of a third: cases posted to either in turn each raise one worksheet, a token from one works on the other,
/// a publish and a settings save on one hold on the other at once, and a case started on one that waits for M3 finishes
/// on the other after the first is killed.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoProcessTests(PostgresServer postgres) : IAsyncLifetime
{
    private readonly List<ServerProcess> _servers = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var server in _servers) await server.DisposeAsync();
    }

    private async Task<ServerProcess> StartAsync(params string[] args)
    {
        var server = await ServerProcess.StartAsync(Path.Combine(Path.GetTempPath(), "elsam3-tests", Guid.NewGuid().ToString("N")), args);
        _servers.Add(server);
        return server;
    }

    [Fact]
    public async Task Two_server_processes_share_cases_tokens_publishing_settings_and_carry_on_when_one_is_killed()
    {
        var database = await postgres.CreateDatabaseAsync();
        var simulators = await StartAsync();
        var m3 = new Uri(simulators.Address, "/simulators/");
        string[] Node(string name) =>
        [
            "--ElsaM3:Storage:Provider=PostgreSql", $"--ConnectionStrings:ElsaM3={database}", $"--ElsaM3:Node:Name={name}",
            "--ElsaM3:Simulators:Enabled=false", $"--ElsaM3:Samples:Directory={Path.Combine(M3ppKit.Root, "workflows")}",
            $"--ElsaM3:M3pp:HubisBaseUrl={m3}m3pp", $"--ElsaM3:M3pp:HubisApiKey={M3ppKit.ApiKey}",
            $"--ElsaM3:M3pp:CxmBaseUrl={m3}cxm", $"--ElsaM3:M3pp:CxmApiKey={M3ppKit.ApiKey}",
            "--ElsaM3:M3pp:PollInterval=00:00:00.200", "--ElsaM3:M3pp:Retry:Delays:0=00:00:00.020",
        ];
        var a = await StartAsync(Node("node-a"));
        var b = await StartAsync(Node("node-b"));
        using var simulator = new HttpClient { BaseAddress = simulators.Address };
        simulator.DefaultRequestHeaders.Add("X-Api-Key", M3ppKit.ApiKey);

        // Cases posted to either node in turn: each raises exactly one worksheet.
        var instances = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            var @case = M3ppKit.SampleCase("noise-complaint");
            @case["reference"] = $"PROC-{i:D3}";
            (await simulator.PutAsJsonAsync($"/simulators/cxm/api/v1/cases/PROC-{i:D3}", @case)).EnsureSuccessStatusCode();
            var response = await Cxm(i % 2 == 0 ? a : b).PostAsJsonAsync("/workflows/cases/noise-complaint", @case);
            response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
            instances.Add(response.Headers.GetValues("x-elsa-workflow-instance-id").Single());
        }
        foreach (var id in instances) await a.Client.WaitForAsync(id, "Finished", TimeSpan.FromSeconds(60));
        for (var i = 0; i < 10; i++)
            (await simulator.GetJsonAsync($"/simulators/m3pp/api/v1/worksheets?externalReference=PROC-{i:D3}"))["items"]!.AsArray().Count.ShouldBe(1);

        // A token signed in on A is accepted by B.
        using (var withTokenFromA = new HttpClient { BaseAddress = b.Address })
        {
            withTokenFromA.DefaultRequestHeaders.Authorization = a.Client.DefaultRequestHeaders.Authorization;
            (await withTokenFromA.GetAsync($"{ApiClient.Api}/workflow-definitions")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // A publish on A is served by B, and settings saved on A are used by B, at once.
        await a.Client.PublishAsync(Support.Workflows.HttpWorkflow("proc-hello", "/proc/hello", "GET", Support.Workflows.Respond("r", "hello"), Support.Workflows.Connect("ep", "r")));
        await Eventually.WithinAsync(async () => (await Cxm(b).GetAsync("/workflows/proc/hello")).IsSuccessStatusCode, TimeSpan.FromSeconds(2));
        (await b.Client.GetJsonAsync("/api/settings/m3pp"))["pollIntervalSeconds"]!.GetValue<double>().ShouldBe(0.2);
        (await a.Client.PutAsJsonAsync("/api/settings/m3pp", new { pollIntervalSeconds = 0.3 })).EnsureSuccessStatusCode();
        await Eventually.WithinAsync(async () => (await b.Client.GetJsonAsync("/api/settings/m3pp"))["pollIntervalSeconds"]!.GetValue<double>() == 0.3, TimeSpan.FromSeconds(2));

        // A case started on A waits for the officer; A is killed; the closure reaches the case through B.
        var waiting = TwoWayKit.Case("PROC-900");
        (await simulator.PutAsJsonAsync("/simulators/cxm/api/v1/cases/PROC-900", waiting)).EnsureSuccessStatusCode();
        var started = await Cxm(a).PostAsJsonAsync($"/workflows/cases/{TwoWayKit.Sample}", waiting);
        var instanceId = started.Headers.GetValues("x-elsa-workflow-instance-id").Single();
        await Eventually.WithinAsync(async () => Bookmarks(await a.Client.InstanceAsync(instanceId)) is var names
            && names.Contains(WatchedRecord.BookmarkName) && !names.Contains(WatchWorksheet.ReadBookmarkName), TimeSpan.FromSeconds(30));
        await a.KillAsync();
        var worksheet = (await simulator.GetJsonAsync("/simulators/cxm/api/v1/cases/PROC-900"))["references"]!["m3-worksheet"]!.GetValue<string>();
        (await simulator.PostAsJsonAsync($"/simulators/m3pp/_control/worksheets/change?reference={Uri.EscapeDataString(worksheet)}",
            new { status = "CLOSED", closureReason = "ABATED" })).EnsureSuccessStatusCode();
        await b.Client.WaitForAsync(instanceId, "Finished", TimeSpan.FromSeconds(60));
        (await simulator.GetJsonAsync("/simulators/cxm/api/v1/cases/PROC-900"))["status"]!.GetValue<string>().ShouldBe("closed");
        var journal = (await b.Client.GetJsonAsync($"{ApiClient.Api}/workflow-instances/{instanceId}/journal?pageSize=1000"))["items"]!.AsArray();
        journal.First()!["nodeName"]!.GetValue<string>().ShouldBe("node-a");
        journal.Last()!["nodeName"]!.GetValue<string>().ShouldBe("node-b");
    }

    private static HttpClient Cxm(ServerProcess node) => ElsaM3Application.AsCxm(new HttpClient { BaseAddress = node.Address });

    private static string[] Bookmarks(JsonObject instance) =>
        instance["workflowState"]?["bookmarks"]?.AsArray().Select(b => b!["name"]!.GetValue<string>()).ToArray() ?? [];
}

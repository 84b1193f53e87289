using System.Net.Http.Json;
using ElsaM3.M3pp.Gateways;
using ElsaM3.Runtime.Coordination;
using ElsaM3.Runtime.Instances;
using ElsaM3.Server.Tests.M3pp;
using ElsaM3.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaM3.Server.Tests.Persistence;

/// <summary>
/// Two nodes on one PostgreSQL database, both calling the same simulators (a third host): an instance is run by one node
/// at a time, singleton jobs run on one node, HTTP triggers alternating between the nodes each run once, and a case
/// started on one node carries on on the other.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoNodeTests(PostgresServer postgres) : IAsyncLifetime
{
    private readonly ElsaM3Application _simulators = new();
    private string _database = "";

    public async Task InitializeAsync()
    {
        await _simulators.CreateAdminClientAsync();
        _database = await postgres.CreateDatabaseAsync();
    }

    public async Task DisposeAsync() => await _simulators.DisposeAsync();

    /// <summary>A node on the shared database whose gateways call the simulators' host.</summary>
    private async Task<ElsaM3Application> NodeAsync()
    {
        var node = new ElsaM3Application(settings: new Dictionary<string, string?>
        {
            ["ElsaM3:Storage:Provider"] = "PostgreSql",
            ["ConnectionStrings:ElsaM3"] = _database,
            ["ElsaM3:Samples:Directory"] = Path.Combine(M3ppKit.Root, "workflows"),
            ["ElsaM3:M3pp:Retry:Delays:0"] = "00:00:00.020",
            ["ElsaM3:M3pp:PollInterval"] = "00:00:00.200",
        }, services: s =>
        {
            s.AddHttpClient(RestM3ppGateway.ClientName).ConfigurePrimaryHttpMessageHandler(() => _simulators.Server.CreateHandler());
            s.AddHttpClient(RestCxmGateway.ClientName).ConfigurePrimaryHttpMessageHandler(() => _simulators.Server.CreateHandler());
        });
        await node.CreateAdminClientAsync(); // started: migrations and samples in place before the next node starts
        return node;
    }

    [Fact]
    public async Task An_instance_held_on_one_node_makes_the_other_wait_and_a_singleton_job_runs_on_one_node()
    {
        await using var a = await NodeAsync();
        await using var b = await NodeAsync();
        var onA = a.Services.GetRequiredService<InstanceAccess>();
        var onB = b.Services.GetRequiredService<InstanceAccess>();

        var held = await onA.AcquireAsync("instance-x", default);
        var waiting = onB.AcquireAsync("instance-x", default);
        await Task.Delay(500);
        waiting.IsCompleted.ShouldBeFalse();
        await held.DisposeAsync();
        await using (await waiting.WaitAsync(TimeSpan.FromSeconds(10))) { }

        var job = await a.Services.GetRequiredService<INodeLocks>().TryAcquireAsync("elsam3:job:test", default);
        job.ShouldNotBeNull();
        (await b.Services.GetRequiredService<INodeLocks>().TryAcquireAsync("elsam3:job:test", default)).ShouldBeNull();
        await job.DisposeAsync();
        await using var taken = await b.Services.GetRequiredService<INodeLocks>().TryAcquireAsync("elsam3:job:test", default);
        taken.ShouldNotBeNull();
    }

    [Fact]
    public async Task Cases_posted_to_either_node_in_turn_each_raise_one_worksheet_and_are_logged_once()
    {
        await using var a = await NodeAsync();
        await using var b = await NodeAsync();
        var references = Enumerable.Range(1, 20).Select(n => $"NODES-{n:D3}").ToList();
        using var simulator = Simulator();
        var instances = new List<string>();
        for (var i = 0; i < references.Count; i++)
        {
            var @case = M3ppKit.SampleCase("noise-complaint");
            @case["reference"] = references[i];
            (await simulator.PutAsJsonAsync($"/simulators/cxm/api/v1/cases/{references[i]}", @case)).EnsureSuccessStatusCode();
            var response = await (i % 2 == 0 ? a : b).CreateCxmClient().PostAsJsonAsync("/workflows/cases/noise-complaint", @case);
            ((int)response.StatusCode).ShouldBe(202, await response.Content.ReadAsStringAsync());
            instances.Add(response.Headers.GetValues("x-elsa-workflow-instance-id").Single());
        }

        var admin = await a.CreateAdminClientAsync();
        foreach (var id in instances) await admin.WaitForAsync(id, "Finished", TimeSpan.FromSeconds(60));
        foreach (var reference in references)
        {
            var log = (await admin.GetJsonAsync($"/api/integration-log?caseReference={reference}&pageSize=50"))["items"]!.AsArray();
            log.Select(e => $"{e!["operation"]}:{e["outcome"]}").Order().ToArray().ShouldBe(["CreateWorksheet:Success", "PullBackWorksheet:Success"], customMessage: reference);
            (await simulator.GetJsonAsync($"/simulators/m3pp/api/v1/worksheets?externalReference={reference}"))["items"]!.AsArray().Count.ShouldBe(1, reference);
        }
    }

    [Fact]
    public async Task A_case_started_on_one_node_carries_on_on_the_other_when_the_first_stops()
    {
        using var simulator = Simulator();
        var @case = TwoWayKit.Case("NODES-900");
        (await simulator.PutAsJsonAsync("/simulators/cxm/api/v1/cases/NODES-900", @case)).EnsureSuccessStatusCode();
        await using var b = await NodeAsync();
        string instanceId;
        await using (var a = await NodeAsync())
        {
            var response = await a.CreateCxmClient().PostAsJsonAsync($"/workflows/cases/{TwoWayKit.Sample}", @case);
            instanceId = response.Headers.GetValues("x-elsa-workflow-instance-id").Single();
            await TwoWayKit.WaitForWatchAsync(a.Services.GetRequiredService<IWorkflowInstanceStore>(), instanceId);
        }

        var worksheet = (await simulator.GetJsonAsync("/simulators/cxm/api/v1/cases/NODES-900"))["references"]!["m3-worksheet"]!.GetValue<string>();
        (await simulator.PostAsJsonAsync($"/simulators/m3pp/_control/worksheets/change?reference={Uri.EscapeDataString(worksheet)}",
            new { status = "CLOSED", closureReason = "ABATED" })).EnsureSuccessStatusCode();
        var onB = await b.CreateAdminClientAsync();
        await onB.WaitForAsync(instanceId, "Finished", TimeSpan.FromSeconds(60));
        (await simulator.GetJsonAsync("/simulators/cxm/api/v1/cases/NODES-900"))["status"]!.GetValue<string>().ShouldBe("closed");
    }

    private HttpClient Simulator()
    {
        var client = _simulators.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", M3ppKit.ApiKey);
        return client;
    }
}

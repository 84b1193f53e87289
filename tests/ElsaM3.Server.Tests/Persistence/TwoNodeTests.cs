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
/// at a time, singleton jobs run on one node, HTTP triggers alternating between the nodes each run once, a case started
/// on one node carries on on the other, and publishing, settings and tokens from one node hold on the other.
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
    private async Task<ElsaM3Application> NodeAsync(string name = "node", IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ElsaM3:Node:Name"] = name,
            ["ElsaM3:Storage:Provider"] = "PostgreSql",
            ["ConnectionStrings:ElsaM3"] = _database,
            ["ElsaM3:Samples:Directory"] = Path.Combine(M3ppKit.Root, "workflows"),
            ["ElsaM3:M3pp:Retry:Delays:0"] = "00:00:00.020",
            ["ElsaM3:M3pp:PollInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>()) settings[key] = value;
        var node = new ElsaM3Application(settings: settings, services: s =>
        {
            s.AddHttpClient(RestM3ppGateway.ClientName).ConfigurePrimaryHttpMessageHandler(() => _simulators.Server.CreateHandler());
            s.AddHttpClient(RestCxmGateway.ClientName).ConfigurePrimaryHttpMessageHandler(() => _simulators.Server.CreateHandler());
        });
        (await node.CreateClient().GetAsync("/health/ready")).EnsureSuccessStatusCode(); // started: migrations and samples in place before the next node starts
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
        (await a.Services.GetRequiredService<INodeLocks>().TryAcquireAsync("elsam3:job:test", default)).ShouldBeNull("held on this node too");
        (await b.Services.GetRequiredService<INodeLocks>().TryAcquireAsync("elsam3:job:test", default)).ShouldBeNull();
        await job.DisposeAsync();
        await using var taken = await b.Services.GetRequiredService<INodeLocks>().TryAcquireAsync("elsam3:job:test", default);
        taken.ShouldNotBeNull();
    }

    [Fact]
    public async Task Cases_posted_to_either_node_in_turn_each_raise_one_worksheet_and_are_logged_once()
    {
        await using var a = await NodeAsync("node-a");
        await using var b = await NodeAsync("node-b");
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
        // Each instance records the node that ran it: the cases went to both.
        var nodes = (await admin.GetJsonAsync($"{ApiClient.Api}/workflow-instances?pageSize=100"))["items"]!.AsArray()
            .Where(i => instances.Contains(i!["id"]!.GetValue<string>())).Select(i => i!["nodeName"]!.GetValue<string>()).Distinct().Order().ToArray();
        nodes.ShouldBe(["node-a", "node-b"]);
    }

    [Fact]
    public async Task A_case_started_on_one_node_carries_on_on_the_other_when_the_first_stops()
    {
        using var simulator = Simulator();
        var @case = TwoWayKit.Case("NODES-900");
        (await simulator.PutAsJsonAsync("/simulators/cxm/api/v1/cases/NODES-900", @case)).EnsureSuccessStatusCode();
        await using var b = await NodeAsync("node-b");
        string instanceId;
        await using (var a = await NodeAsync("node-a"))
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
        // The journal says which node ran each burst: the start on A, the closure on B.
        var journal = (await onB.GetJsonAsync($"{ApiClient.Api}/workflow-instances/{instanceId}/journal?pageSize=1000"))["items"]!.AsArray();
        journal.First()!["nodeName"]!.GetValue<string>().ShouldBe("node-a");
        journal.Last()!["nodeName"]!.GetValue<string>().ShouldBe("node-b");
    }

    [Fact]
    public async Task A_publish_on_one_node_is_served_by_the_other_at_once_and_a_retraction_too()
    {
        await using var a = await NodeAsync("node-a");
        await using var b = await NodeAsync("node-b");
        var onA = await a.CreateAdminClientAsync();
        var onB = b.CreateCxmClient();
        (await onB.GetAsync("/workflows/nodes/hello")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound); // B's index is loaded, without the route

        await onA.PublishAsync(Support.Workflows.HttpWorkflow("nodes-hello", "/nodes/hello", "GET", Support.Workflows.Respond("r", "hello from {{ 1 + 1 }}"), Support.Workflows.Connect("ep", "r")));
        var served = await WithinAsync(async () => (await onB.GetAsync("/workflows/nodes/hello")).IsSuccessStatusCode);
        served.ShouldBeLessThan(TimeSpan.FromSeconds(2));
        (await onB.GetStringAsync("/workflows/nodes/hello")).ShouldBe("hello from 2");

        (await onA.PostAsync($"{ApiClient.Api}/workflow-definitions/nodes-hello/retract", null)).EnsureSuccessStatusCode();
        var gone = await WithinAsync(async () => (await onB.GetAsync("/workflows/nodes/hello")).StatusCode == System.Net.HttpStatusCode.NotFound);
        gone.ShouldBeLessThan(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_node_whose_listening_connection_was_cut_still_follows_a_publish_made_meanwhile()
    {
        await using var a = await NodeAsync("node-a");
        await using var b = await NodeAsync("node-b");
        var onA = await a.CreateAdminClientAsync();
        var onB = b.CreateCxmClient();
        (await onB.GetAsync("/workflows/nodes/cut")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);

        // The database drops the nodes' LISTEN connections (a restart, a network cut): announcements made now are lost.
        await using (var db = new Npgsql.NpgsqlConnection(_database))
        {
            await db.OpenAsync();
            await using var cut = new Npgsql.NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'", db);
            ((long)(await cut.ExecuteScalarAsync())!).ShouldBe(2);
        }
        await onA.PublishAsync(Support.Workflows.HttpWorkflow("nodes-cut", "/nodes/cut", "GET", Support.Workflows.Respond("r", "after the cut"), Support.Workflows.Connect("ep", "r")));

        // B listens again and, not knowing what it missed, drops its caches.
        await WithinAsync(async () => (await onB.GetAsync("/workflows/nodes/cut")).IsSuccessStatusCode);
    }

    [Fact]
    public async Task Settings_saved_on_one_node_are_used_by_the_other_and_a_token_from_one_works_on_the_other()
    {
        await using var a = await NodeAsync("node-a");
        await using var b = await NodeAsync("node-b");
        var onA = await a.CreateAdminClientAsync();
        var onB = await b.CreateAdminClientAsync();
        (await onB.GetJsonAsync("/api/settings/m3pp"))["pollIntervalSeconds"]!.GetValue<double>().ShouldBe(0.2); // B has read (and cached) them

        var saved = await onA.PutAsJsonAsync("/api/settings/m3pp", new { pollIntervalSeconds = 7, hubisApiKey = M3ppKit.ApiKey });
        saved.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        // B reads them again, the HUBis key too: encrypted on A with the key ring both nodes share.
        var seen = await WithinAsync(async () => (await onB.GetJsonAsync("/api/settings/m3pp"))["pollIntervalSeconds"]!.GetValue<double>() == 7);
        seen.ShouldBeLessThan(TimeSpan.FromSeconds(2));
        await b.Services.GetRequiredService<ElsaM3.M3pp.Gateways.IGatewayConnections>().M3ppAsync(default);

        // A token signed in on A is accepted by B: both sign with the key kept in the database.
        var tokenFromA = onA.DefaultRequestHeaders.Authorization;
        var bWithA = b.CreateClient();
        bWithA.DefaultRequestHeaders.Authorization = tokenFromA;
        (await bWithA.GetAsync($"{ApiClient.Api}/workflow-definitions")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var stranger = new ElsaM3Application();
        await using (stranger)
        {
            // A server with its own store signs with its own key: the same token means nothing there.
            var other = stranger.CreateClient();
            other.DefaultRequestHeaders.Authorization = tokenFromA;
            (await other.GetAsync($"{ApiClient.Api}/workflow-definitions")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task A_signed_request_taken_by_one_node_is_refused_as_a_replay_by_the_other()
    {
        const string secret = "cxm-webhook-shared-secret-0123456789abcdef";
        var webhooks = new Dictionary<string, string?>
        {
            ["ElsaM3:Identity:Applications:0:Name"] = "cxm-webhooks",
            ["ElsaM3:Identity:Applications:0:SigningSecret"] = secret,
            ["ElsaM3:Identity:Applications:0:Roles:0"] = "cxm",
        };
        await using var a = await NodeAsync("node-a", webhooks);
        await using var b = await NodeAsync("node-b", webhooks);
        var body = M3ppKit.SampleCase("noise-complaint").ToJsonString();
        var (timestamp, signature) = SignedRequests.Sign(secret, body, DateTimeOffset.UtcNow);
        HttpRequestMessage Signed() => new(HttpMethod.Post, "/workflows/cases/noise-complaint")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            Headers = { { "X-Timestamp", timestamp }, { "X-Signature", signature } },
        };

        (await a.CreateClient().SendAsync(Signed())).StatusCode.ShouldBe(System.Net.HttpStatusCode.Accepted);
        var replay = await b.CreateClient().SendAsync(Signed());
        replay.StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized, await replay.Content.ReadAsStringAsync());
        (await a.CreateClient().SendAsync(Signed())).StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Each_node_holds_its_own_id_slot_and_an_id_made_on_it_carries_that_slot()
    {
        await using var a = await NodeAsync("node-a");
        await using var b = await NodeAsync("node-b");
        var slotA = a.Services.GetRequiredService<IdSlot>().Slot;
        var slotB = b.Services.GetRequiredService<IdSlot>().Slot;
        slotA.ShouldNotBeNull();
        slotB.ShouldNotBeNull();
        slotB.ShouldNotBe(slotA);
        // Hosts in one process share its sequence; the latest node started sets the slot.
        var id = Convert.ToInt64(ElsaM3.Workflows.Execution.Ids.New(), 16);
        ((id >> 10) & 0x3FF).ShouldBe(slotB!.Value);
    }

    [Fact]
    public async Task Generated_credentials_are_kept_in_the_database_once_for_every_node()
    {
        var generated = new Dictionary<string, string?> { ["ElsaM3:Identity:AdminPassword"] = "", ["ElsaM3:Identity:CxmApiKey"] = "" };
        await using var a = await NodeAsync("node-a", generated);
        await using var b = await NodeAsync("node-b", generated);
        var onA = a.Services.GetRequiredService<ElsaM3.Identity.Secrets.IdentitySecrets>();
        var onB = b.Services.GetRequiredService<ElsaM3.Identity.Secrets.IdentitySecrets>();

        onA.AdminPasswordHash.ShouldNotBeNullOrEmpty();
        onB.AdminPasswordHash.ShouldBe(onA.AdminPasswordHash);
        onB.CxmKeyHash.ShouldBe(onA.CxmKeyHash);
        onB.SigningKey.ShouldBe(onA.SigningKey);
        var settings = a.Services.GetRequiredService<ElsaM3.Runtime.Settings.ISettingsStore>();
        (await settings.GetAsync(ElsaM3.Identity.Secrets.GeneratedSecretName.AdminPasswordHash.Key, default)).ShouldBe(onA.AdminPasswordHash);
        foreach (var node in new[] { a, b })
        foreach (var file in new[] { "signing.key", "admin-password.json", "cxm-api-key.json" })
            File.Exists(Path.Combine(node.DataDirectory, file)).ShouldBeFalse(file);
    }

    /// <summary>How long until <paramref name="condition"/> holds on the other node (up to 10 s).</summary>
    private static Task<TimeSpan> WithinAsync(Func<Task<bool>> condition) =>
        Eventually.WithinAsync(condition, TimeSpan.FromSeconds(10), "the other node did not follow");

    private HttpClient Simulator()
    {
        var client = _simulators.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", M3ppKit.ApiKey);
        return client;
    }
}

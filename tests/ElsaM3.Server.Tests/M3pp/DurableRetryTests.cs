using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaM3.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ElsaM3.Server.Tests.M3pp;

/// <summary>Background attempts that survive crashes, the default backoff on a fake clock, the Failed port and operator retry.</summary>
public sealed class DurableRetryTests
{
    [Fact]
    public async Task Attempts_follow_the_default_backoff_on_the_clock_30_seconds_then_1_minute()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var kit = await M3ppKit.StartAsync(new Dictionary<string, string?> { ["ElsaM3:M3pp:Retry:Delays:0"] = null },
            services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        await kit.FaultAsync("m3pp", new { kind = "transient-503", next = 2, method = "POST", path = "/worksheets" });
        var instanceId = await kit.SendCaseAsync("noise-complaint", M3ppKit.SampleCase("noise-complaint"));

        var scheduler = kit.App.Services.GetRequiredService<ElsaM3.Runtime.Scheduling.DelayScheduler>();
        await kit.WaitForLogAsync("101004567890", log => log.Length == 1);
        clock.Advance(TimeSpan.FromSeconds(29));
        (await scheduler.SweepAsync(100, default)).ShouldBe(0); // nothing is due a second before the retry: decided, not waited for
        (await kit.LogAsync("101004567890")).Length.ShouldBe(1);

        clock.Advance(TimeSpan.FromSeconds(1));
        await kit.WaitForLogAsync("101004567890", log => log.Length == 2);
        clock.Advance(TimeSpan.FromSeconds(59));
        (await scheduler.SweepAsync(100, default)).ShouldBe(0);
        (await kit.LogAsync("101004567890")).Length.ShouldBe(2);

        clock.Advance(TimeSpan.FromSeconds(1));
        await kit.WaitForAsync(instanceId);
        var log = await kit.LogAsync("101004567890");
        log.Select(e => $"{e["outcome"]}:{e["attempts"]}").ShouldBe(["Retrying:1", "Retrying:2", "Success:3", "Success:1"]);
        log[0]["messages"]![0]!.GetValue<string>().ShouldEndWith("retrying in 00:00:30.");
        log[1]["messages"]![0]!.GetValue<string>().ShouldEndWith("retrying in 00:01:00.");
        log[2]["durationMs"]!.GetValue<long>().ShouldBe(90_000);
    }

    [Fact]
    public async Task A_slow_M3_call_does_not_hold_up_other_cases()
    {
        // The slow case's first call hangs until our 10 s call timeout; the other case must be done well before.
        await using var kit = await M3ppKit.StartAsync(new Dictionary<string, string?> { ["ElsaM3:M3pp:Timeout"] = "00:00:10", ["ElsaM3:Simulators:FaultTimeout"] = "00:01:00" });
        await kit.FaultAsync("m3pp", new { kind = "timeout", next = 1, method = "POST", path = "/worksheets" });
        var slow = await kit.SendCaseAsync("noise-complaint", M3ppKit.SampleCase("noise-complaint"));
        await Task.Delay(300);
        var other = M3ppKit.SampleCase("noise-complaint");
        other["reference"] = "101004567892";
        var fast = await kit.SendCaseAsync("noise-complaint", other);

        await kit.WaitForAsync(fast);
        (await kit.LogAsync("101004567890")).ShouldBeEmpty();
        (await kit.Admin.InstanceAsync(slow))["subStatus"]!.GetValue<string>().ShouldBe("Suspended");
        // Its retry follows the 10 s timeout; on two cores busy with the whole PostgreSQL suite it once took over 20 s more.
        await kit.Admin.WaitForAsync(slow, "Finished", TimeSpan.FromSeconds(60));
        (await kit.WorksheetsForAsync("101004567890")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Exhausted_retries_end_on_the_Failed_port_when_it_is_connected()
    {
        await using var kit = await M3ppKit.StartAsync();
        var workflow = M3ppKit.SampleWorkflow("noise-complaint");
        workflow["id"] = "noise-with-failed-port-v1";
        workflow["definitionId"] = "noise-with-failed-port";
        var root = workflow["root"]!;
        root["activities"]!.AsArray().First(a => a!["id"]!.GetValue<string>() == "endpoint")!["path"]!["expression"]!["value"] = "cases/noise-with-failed-port";
        root["activities"]!.AsArray().Add(JsonNode.Parse("""
            { "id": "alert", "name": "AlertOfficer", "type": "Elsa.WriteLine", "version": 1,
              "text": { "typeName": "String", "expression": { "type": "Literal", "value": "M3 unreachable" } } }
            """));
        root["connections"]!.AsArray().Add(JsonNode.Parse("""{ "source": { "activity": "create", "port": "Failed" }, "target": { "activity": "alert", "port": "In" } }"""));
        await kit.Admin.PublishAsync(workflow.ToJsonString());
        await kit.FaultAsync("m3pp", new { kind = "transient-503", next = 100, method = "POST", path = "/worksheets" });

        var instanceId = await kit.SendCaseAsync("noise-with-failed-port", M3ppKit.SampleCase("noise-complaint"));
        await kit.WaitForAsync(instanceId);

        (await kit.InjectedFaultsAsync("m3pp")).ShouldBe(16);
        var events = ApiClient.EventsOf(await kit.Admin.GetJsonAsync($"/elsa/api/workflow-instances/{instanceId}/journal?pageSize=500"));
        events.Count(e => e == "create:Attempt").ShouldBe(16);
        events.ShouldContain("alert:Completed");
        events.ShouldNotContain("pullback:Started");
        (await kit.LogAsync("101004567890")).Last()["messages"]![0]!.GetValue<string>()
            .ShouldBe("Failed (transient): gave up after 16 attempts; last error: SERVICE_UNAVAILABLE: Simulated fault: the service is unavailable.");
    }

    [Fact]
    public async Task An_admin_retry_of_a_faulted_instance_resumes_from_the_failed_activity_and_keeps_the_journal()
    {
        await using var kit = await M3ppKit.StartAsync();
        await kit.FaultAsync("m3pp", new { kind = "transient-503", next = 16, method = "POST", path = "/worksheets" });
        var instanceId = await kit.SendCaseAsync("noise-complaint", M3ppKit.SampleCase("noise-complaint"));
        await kit.WaitForAsync(instanceId, "Faulted");

        var retry = await kit.Admin.PostJsonAsync("/elsa/api/alterations/workflows/retry", new { workflowInstanceIds = new[] { instanceId } });
        retry["results"]![0]!["succeeded"]!.GetValue<bool>().ShouldBeTrue();
        await kit.WaitForAsync(instanceId);

        (await kit.CaseAsync("101004567890"))["references"]!["m3-worksheet"]!.GetValue<string>().ShouldBe("WK/2025000123");
        (await kit.WorksheetsForAsync("101004567890")).Count.ShouldBe(1);
        var events = ApiClient.EventsOf(await kit.Admin.GetJsonAsync($"/elsa/api/workflow-instances/{instanceId}/journal?pageSize=500"));
        events.Count(e => e == "endpoint:Completed").ShouldBe(1);
        events.Count(e => e == "create:Attempt").ShouldBe(17);
        events.ShouldContain("create:Faulted");
        events.ShouldContain("pullback:Completed");
    }

    [Fact]
    public async Task A_pulled_back_value_CXM_refuses_is_logged_as_a_validation_failure()
    {
        await using var kit = await M3ppKit.StartAsync();
        await kit.PublishVariantAsync("noise-complaint", "noise-bad-pullback", a =>
        {
            if (a["id"]!.GetValue<string>() == "pullback")
                a["mappings"]!["expression"]!["value"] = """{"officer name!": "{{ worksheet.officer.name }}"}""";
        });
        await kit.WaitForAsync(await kit.SendCaseAsync("noise-bad-pullback", M3ppKit.SampleCase("noise-complaint")), "Faulted");

        var pull = (await kit.LogAsync("101004567890")).Last();
        pull["operation"]!.GetValue<string>().ShouldBe("PullBackWorksheet");
        pull["outcome"]!.GetValue<string>().ShouldBe("Invalid");
        pull["messages"]![0]!.GetValue<string>().ShouldBe("Failed (validation): 'officer name!' is not a case field identifier.");
    }

    [Fact]
    public async Task A_server_killed_during_backoff_carries_on_after_restart_with_one_worksheet()
    {
        var data = Path.Combine(Path.GetTempPath(), "elsam3-tests", Guid.NewGuid().ToString("N"));
        string instanceId;
        await using (var first = await ServerProcess.StartAsync(data, "--ElsaM3:M3pp:Retry:Delays:0=00:00:03"))
        {
            var simulator = SimulatorClient(first);
            (await simulator.PostAsJsonAsync("/simulators/m3pp/_control/faults", new { kind = "transient-503", next = 1, method = "POST", path = "/worksheets" })).EnsureSuccessStatusCode();
            using var cxm = ElsaM3Application.AsCxm(new HttpClient { BaseAddress = first.Address });
            var response = await cxm.PostAsJsonAsync("/workflows/cases/noise-complaint", M3ppKit.SampleCase("noise-complaint"));
            instanceId = response.Headers.GetValues("x-elsa-workflow-instance-id").Single();
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while ((await first.Client.GetJsonAsync("/api/integration-log?caseReference=101004567890"))["totalCount"]!.GetValue<long>() == 0)
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException("The first attempt was never logged.");
                await Task.Delay(50);
            }
            await first.KillAsync();
        }

        await using var second = await ServerProcess.StartAsync(data, "--ElsaM3:M3pp:Retry:Delays:0=00:00:03");
        await second.Client.WaitForAsync(instanceId, "Finished", TimeSpan.FromSeconds(30));
        var simulatorAfter = SimulatorClient(second);
        (await simulatorAfter.GetJsonAsync("/simulators/m3pp/api/v1/worksheets?externalReference=101004567890"))["items"]!.AsArray().Count.ShouldBe(1);
        (await simulatorAfter.GetJsonAsync("/simulators/cxm/api/v1/cases/101004567890"))["references"]!["m3-worksheet"]!.GetValue<string>().ShouldBe("WK/2025000123");
        var entries = (await second.Client.GetJsonAsync("/api/integration-log?caseReference=101004567890"))["items"]!.AsArray().Reverse().ToList();
        entries.Select(e => $"{e!["operation"]}:{e["outcome"]}:{e["attempts"]}").ShouldBe(
            ["CreateWorksheet:Retrying:1", "CreateWorksheet:Success:2", "PullBackWorksheet:Success:1"],
            string.Join(" | ", entries.Select(e => e!["messages"]!.ToJsonString())));
    }

    private static HttpClient SimulatorClient(ServerProcess server)
    {
        var client = new HttpClient { BaseAddress = server.Address };
        client.DefaultRequestHeaders.Add("X-Api-Key", M3ppKit.ApiKey);
        return client;
    }

    [Fact]
    public async Task A_commit_that_fails_after_a_successful_attempt_logs_nothing_and_its_retry_logs_once()
    {
        await using var kit = await M3ppKit.StartAsync(TestStore.PinnedToSqlite()); // the failure is injected with an SQLite trigger
        // Every commit that writes an integration log entry fails for the next two seconds (a disk or lock failure
        // after the M3 call succeeded); the scheduler then resumes the attempt again.
        var until = DateTime.UtcNow.AddSeconds(2).ToOADate() + 2415018.5;
        await using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(kit.App.DataDirectory, "elsam3.db")}"))
        {
            await db.OpenAsync();
            await using var create = db.CreateCommand();
            create.CommandText = FormattableString.Invariant(
                $"CREATE TRIGGER fail_log BEFORE INSERT ON IntegrationLog WHEN julianday('now') < {until} BEGIN SELECT RAISE(ABORT, 'injected commit failure'); END;");
            await create.ExecuteNonQueryAsync();
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var instanceId = await kit.SendCaseAsync("noise-complaint", M3ppKit.SampleCase("noise-complaint"));
        await kit.WaitForAsync(instanceId);

        // It could only finish once the failing window had passed: its first commits did fail.
        clock.Elapsed.ShouldBeGreaterThan(TimeSpan.FromSeconds(1.5));
        var log = await kit.LogAsync("101004567890");
        log.Select(e => $"{e["operation"]}:{e["outcome"]}:{e["attempts"]}").ShouldBe(["CreateWorksheet:Success:1", "PullBackWorksheet:Success:1"]);
        (await kit.WorksheetsForAsync("101004567890")).Count.ShouldBe(1);
    }
}

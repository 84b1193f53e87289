using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaM3.Server.Tests.Support;
using static ElsaM3.Server.Tests.Support.Workflows;

namespace ElsaM3.Server.Tests.Containment;

/// <summary>
/// A workflow an analyst publishes may not crash or starve the server: runaway loops, self-starting workflows and event
/// storms fault their instance with an incident naming the budget, are committed, are never retried by a sweep, and a
/// timer or event workflow that keeps doing it is suspended from triggering until an admin resumes it.
/// </summary>
public sealed class BudgetTests : IAsyncLifetime
{
    private const string Api = ApiClient.Api;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "elsam3-tests", Guid.NewGuid().ToString("N"));
    private ElsaM3Application _app = null!;
    private HttpClient _admin = null!;

    private static readonly Dictionary<string, string?> SmallBudgets = new()
    {
        ["ElsaM3:Runtime:MaxActivitiesPerBurst"] = "500",
    };

    public async Task InitializeAsync()
    {
        _app = new ElsaM3Application(_dataDirectory, SmallBudgets);
        _admin = await _app.CreateAdminClientAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<JsonArray> InstancesAsync(string definitionId, string? subStatus = null, string? status = null)
    {
        var body = new JsonObject { ["page"] = 0, ["pageSize"] = 1000, ["definitionId"] = definitionId };
        if (subStatus is not null) body["subStatus"] = subStatus;
        if (status is not null) body["status"] = status;
        return (await _admin.PostJsonAsync($"{Api}/workflow-instances", body))["items"]!.AsArray();
    }

    private async Task<string> IncidentOfAsync(string instanceId) =>
        (await _admin.InstanceAsync(instanceId))["workflowState"]!["incidents"]!.AsArray().Single()!["message"]!.GetValue<string>();

    private async Task ServerStaysUpAsync() => (await _app.CreateClient().GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);

    [Fact]
    public async Task A_workflow_that_executes_itself_faults_on_the_chain_depth_and_the_server_stays_up()
    {
        await _admin.PublishAsync(Flowchart("itself", ExecuteWorkflow("again", "itself"), ""));

        var response = await _admin.PostAsJsonAsync($"{Api}/workflow-definitions/itself/execute", new { });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        await ServerStaysUpAsync();
        var faulted = await InstancesAsync("itself", subStatus: "Faulted");
        faulted.Count.ShouldBe(1);
        (await IncidentOfAsync(faulted[0]!["id"]!.GetValue<string>())).ShouldContain("ElsaM3:Runtime:MaxChainDepth");
        (await InstancesAsync("itself")).Count.ShouldBe(17, "the first run and 16 levels of children: the default depth limit");
    }

    [Fact]
    public async Task An_http_workflow_that_loops_for_ever_answers_500_naming_a_stored_faulted_instance()
    {
        await _admin.PublishAsync(HttpWorkflow("forever-http", "forever", "GET", WhileTrue("loop", WriteLine("say", "again")), Connect("ep", "loop")));

        var response = await _app.CreateClient().GetAsync("/workflows/forever");

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var instanceId = response.Headers.GetValues("x-elsa-workflow-instance-id").Single();
        (await response.Content.ReadAsStringAsync()).ShouldContain(instanceId);
        var instance = await _admin.InstanceAsync(instanceId);
        instance["subStatus"]!.GetValue<string>().ShouldBe("Faulted");
        (await IncidentOfAsync(instanceId)).ShouldContain("ElsaM3:Runtime:MaxActivitiesPerBurst");
        await ServerStaysUpAsync();
    }

    [Fact]
    public async Task A_timer_workflow_that_keeps_faulting_on_a_budget_is_suspended_until_an_admin_resumes_it_even_across_a_restart()
    {
        await _admin.PublishAsync(Flowchart("forever-timer", TimerTrigger("tick", "00:00:01") + "," + WhileTrue("loop", WriteLine("say", "again")),
            Connect("tick", "loop")));

        await Eventually.WithinAsync(async () => (await _admin.GetJsonAsync($"{Api}/workflow-definitions/suspended-triggers")).ContainsKey("forever-timer"),
            TimeSpan.FromSeconds(30), "the timer workflow's triggers suspended");

        // The run that tipped it is committed just after the suspension is kept.
        await Eventually.WithinAsync(async () => (await InstancesAsync("forever-timer", subStatus: "Faulted")).Count >= 3, TimeSpan.FromSeconds(10));
        var faulted = await InstancesAsync("forever-timer", subStatus: "Faulted");
        faulted.Count.ShouldBe(3, "three runs in a row (ElsaM3:Runtime:BudgetFaultsBeforeSuspending), each faulted once and never retried");
        foreach (var instance in faulted) (await IncidentOfAsync(instance!["id"]!.GetValue<string>())).ShouldContain("MaxActivitiesPerBurst");
        (await InstancesAsync("forever-timer", status: "Running")).Count.ShouldBe(0, "no run is armed for the next tick");
        await ServerStaysUpAsync();

        // A restart does not bring the loop back: the suspension is kept in the store and nothing is armed.
        await _app.DisposeAsync();
        _app = new ElsaM3Application(_dataDirectory, SmallBudgets);
        _admin = await _app.CreateAdminClientAsync();
        (await _admin.GetJsonAsync($"{Api}/workflow-definitions/suspended-triggers"))["forever-timer"]!["budget"]!.GetValue<string>().ShouldBe("Activities");
        (await InstancesAsync("forever-timer", status: "Running")).Count.ShouldBe(0);
        // Publishing again (say, an analyst's fix) does not lift it either.
        await _admin.PublishAsync(Flowchart("forever-timer", TimerTrigger("tick", "00:01:00") + "," + WriteLine("say", "fixed"), Connect("tick", "say")));
        (await InstancesAsync("forever-timer", status: "Running")).Count.ShouldBe(0);

        var analyst = await _app.CreateAnalystClientAsync();
        (await analyst.PostAsync($"{Api}/workflow-definitions/forever-timer/resume-triggers", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _admin.PostAsync($"{Api}/workflow-definitions/forever-timer/resume-triggers", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await _admin.GetJsonAsync($"{Api}/workflow-definitions/suspended-triggers")).ContainsKey("forever-timer").ShouldBeFalse();
        (await InstancesAsync("forever-timer", status: "Running")).Count.ShouldBe(1, "the fixed version's timer is armed again");
        (await _admin.GetStringAsync("/api/audit?action=TriggersResumed")).ShouldContain("forever-timer");
        (await _admin.PostAsync($"{Api}/workflow-definitions/forever-timer/resume-triggers", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_event_workflow_that_publishes_its_own_event_stops_at_the_chain_depth()
    {
        await _admin.PublishAsync(Flowchart("echo-chamber", EventTrigger("heard", "echo") + "," + PublishEvent("shout", "echo"), Connect("heard", "shout")));

        (await _admin.PostAsJsonAsync($"{Api}/events/echo/trigger", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);

        await Eventually.WithinAsync(async () => (await InstancesAsync("echo-chamber", subStatus: "Faulted")).Count == 1, TimeSpan.FromSeconds(30),
            "the run 16 events deep faulted");
        var faulted = (await InstancesAsync("echo-chamber", subStatus: "Faulted")).Single()!["id"]!.GetValue<string>();
        (await IncidentOfAsync(faulted)).ShouldContain("ElsaM3:Runtime:MaxChainDepth");
        (await InstancesAsync("echo-chamber")).Count.ShouldBe(17, "the run the API started and 16 started by its own events; no more");
        await ServerStaysUpAsync();
    }
}

/// <summary>The time and memory budgets of one burst, each small enough to reach in a test.</summary>
public sealed class BurstBudgetTests
{
    [Fact]
    public async Task A_loop_that_runs_past_the_burst_time_faults_naming_the_time_budget()
    {
        await using var app = new ElsaM3Application(settings: new Dictionary<string, string?>
        {
            ["ElsaM3:Runtime:MaxBurstDuration"] = "00:00:00.200",
            ["ElsaM3:Runtime:MaxActivitiesPerBurst"] = "100000000",
        });
        var admin = await app.CreateAdminClientAsync();
        await admin.PublishAsync(HttpWorkflow("slow-loop", "slow-loop", "GET", WhileTrue("loop", WriteLine("say", "again")), Connect("ep", "loop")));

        var response = await app.CreateClient().GetAsync("/workflows/slow-loop");

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var instance = await admin.InstanceAsync(response.Headers.GetValues("x-elsa-workflow-instance-id").Single());
        instance["workflowState"]!["incidents"]![0]!["message"]!.GetValue<string>().ShouldContain("ElsaM3:Runtime:MaxBurstDuration");
    }

    [Fact]
    public async Task A_loop_that_allocates_past_the_burst_memory_faults_naming_the_memory_budget()
    {
        await using var app = new ElsaM3Application(settings: new Dictionary<string, string?>
        {
            ["ElsaM3:Runtime:MaxBurstAllocatedBytes"] = (16 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ElsaM3:Runtime:MaxActivitiesPerBurst"] = "100000000",
        });
        var admin = await app.CreateAdminClientAsync();
        await admin.PublishAsync(HttpWorkflow("hungry-loop", "hungry-loop", "GET",
            WhileTrue("loop", WriteScript("say", "'x'.repeat(1000000).length")), Connect("ep", "loop")));

        var response = await app.CreateClient().GetAsync("/workflows/hungry-loop");

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var instance = await admin.InstanceAsync(response.Headers.GetValues("x-elsa-workflow-instance-id").Single());
        instance["workflowState"]!["incidents"]![0]!["message"]!.GetValue<string>().ShouldContain("ElsaM3:Runtime:MaxBurstAllocatedBytes");
    }
}

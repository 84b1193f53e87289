using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using ElsaM3.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static ElsaM3.Server.Tests.Support.Workflows;

namespace ElsaM3.Server.Tests.Containment;

/// <summary>
/// Templates are held like scripts wherever they run: a Test press cannot fill the server's memory, nothing one
/// workflow's template sets is seen by another, and a Timer-started template that runs long faults on its limit.
/// </summary>
public sealed class TemplateLimitTests : IAsyncLifetime
{
    private readonly ElsaM3Application _app = new();
    private HttpClient _analyst = null!;

    public async Task InitializeAsync() => _analyst = await _app.CreateAnalystClientAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static string ScribanLine(string id, string template) => new JsonObject
    {
        ["id"] = id, ["type"] = "Elsa.WriteLine", ["version"] = 1,
        ["text"] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Scriban", ["value"] = template } },
    }.ToJsonString();

    private async Task<JsonObject> TestPressAsync(string definitionId, string template)
    {
        var saved = await _analyst.PublishAsync(Flowchart(definitionId, ScribanLine("line", template), ""));
        return await _analyst.PostJsonAsync($"{ApiClient.Api}/tests/activities", new
        {
            workflowDefinitionHandle = new { definitionVersionId = saved["id"]!.GetValue<string>() },
            activityHandle = new { activityId = "line" },
        });
    }

    [Fact]
    public async Task A_test_press_that_builds_1500_strings_of_a_megabyte_fails_on_the_memory_limit_and_keeps_no_memory()
    {
        using var process = Process.GetCurrentProcess();
        GC.Collect();
        var before = process.WorkingSet64;

        var result = await TestPressAsync("hoarder",
            "{{ kept = [] }}{{ for i in 1..1500 }}{{ kept = kept | array.add ('' | string.pad_left 1048576) }}{{ end }}{{ kept | array.size }}");

        result["status"]!.GetValue<string>().ShouldBe("Faulted");
        result["exception"]!["message"]!.GetValue<string>().ShouldContain("ElsaM3:Templates:MaxMemoryBytes");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        process.Refresh();
        (process.WorkingSet64 - before).ShouldBeLessThan(500L * 1024 * 1024);
        (await _app.CreateClient().GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task What_one_workflow_sets_on_a_builtin_is_never_seen_by_another()
    {
        var tamper = await TestPressAsync("tamper", "{{ date.format = '%Y TAMPERED' }}{{ date.now }}");
        tamper["status"]!.GetValue<string>().ShouldBe("Faulted");

        await _analyst.PublishAsync(HttpWorkflow("clock", "clock", "GET", Respond("r", "{{ date.now }}"), Connect("ep", "r")));
        var answer = await _app.CreateClient().GetStringAsync("/workflows/clock");

        answer.ShouldNotContain("TAMPERED");
        answer.ShouldContain(DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_timer_started_template_that_runs_long_faults_on_its_limits_and_retract_answers_at_once()
    {
        var admin = await _app.CreateAdminClientAsync();
        await admin.PublishAsync(Flowchart("slow-tick", TimerTrigger("tick", "00:00:01") + "," + ScribanLine("line", Forever), Connect("tick", "line")));

        JsonNode? faulted = null;
        await Eventually.WithinAsync(async () =>
        {
            var list = await admin.PostJsonAsync($"{ApiClient.Api}/workflow-instances", new { page = 0, pageSize = 10, definitionId = "slow-tick", subStatus = "Faulted" });
            faulted = list["items"]!.AsArray().FirstOrDefault();
            return faulted is not null;
        }, TimeSpan.FromSeconds(30), "a run faulted on the template's limits");
        var incident = (await admin.InstanceAsync(faulted!["id"]!.GetValue<string>()))["workflowState"]!["incidents"]![0]!["message"]!.GetValue<string>();
        // Its time limit, or on a busy machine the memory its calls allocate before then.
        incident.ShouldMatch("ElsaM3:Templates:(Timeout|MaxMemoryBytes)");

        var retract = Stopwatch.StartNew();
        (await admin.PostAsync($"{ApiClient.Api}/workflow-definitions/slow-tick/retract", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        retract.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10), "retract waits at most for the render under way, which its limit ends");
        (await _app.CreateClient().GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Cancelling_an_instance_stops_its_render_under_way_at_once()
    {
        // Limits of five minutes and far more memory than its calls allocate: only the cancel can end this render in time.
        await using var app = new ElsaM3Application(settings: new Dictionary<string, string?>
        {
            ["ElsaM3:Templates:Timeout"] = "00:05:00",
            ["ElsaM3:Templates:MaxMemoryBytes"] = long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var admin = await app.CreateAdminClientAsync();
        await admin.PublishAsync(Flowchart("long-tick", TimerTrigger("tick", "00:00:01") + "," + ScribanLine("line", Forever), Connect("tick", "line")));
        var armed = (await admin.PostJsonAsync($"{ApiClient.Api}/workflow-instances", new { page = 0, pageSize = 10, definitionId = "long-tick", status = "Running" }))
            ["items"]!.AsArray().Single()!["id"]!.GetValue<string>();
        var instances = app.Services.GetRequiredService<ElsaM3.Runtime.Instances.WorkflowInstanceService>();
        await Eventually.WithinAsync(() => Task.FromResult(instances.IsRunningBurst(armed)), TimeSpan.FromSeconds(30), "the timer fired and the render began");

        var cancel = Stopwatch.StartNew();
        var response = await admin.PostAsync($"{ApiClient.Api}/cancel/workflow-instances/{armed}", null);

        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        cancel.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        (await admin.InstanceAsync(armed))["subStatus"]!.GetValue<string>().ShouldBe("Cancelled");
    }

    /// <summary>2^40 calls: without a limit this would run for days on a core.</summary>
    private const string Forever = "{{ func f\n if $0 > 0\n f($0 - 1)\n f($0 - 1)\n end\n end }}{{ f 40 }}";
}

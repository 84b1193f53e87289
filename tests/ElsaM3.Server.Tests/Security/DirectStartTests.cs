using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaM3.Server.Tests.M3pp;
using ElsaM3.Server.Tests.Support;

namespace ElsaM3.Server.Tests.Security;

/// <summary>
/// Starting a workflow through the API skips its triggers, so it needs what they need: an analyst cannot raise a real
/// worksheet with a case CXM never sent by executing a <c>cxm</c>-policy workflow at its Create Worksheet. Every start an
/// analyst or admin makes by hand (execute, dispatch, events, Test-tab runs) is in the audit trail.
/// </summary>
public sealed class DirectStartTests : IAsyncLifetime
{
    private const string Api = ApiClient.Api;
    private M3ppKit _kit = null!;
    private HttpClient _analyst = null!;

    public async Task InitializeAsync()
    {
        _kit = await M3ppKit.StartAsync();
        _analyst = await _kit.App.CreateAnalystClientAsync();
    }

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    private static object AtCreateWorksheet() => new
    {
        triggerActivityId = "create",
        input = new JsonObject { ["case"] = M3ppKit.SampleCase("noise-complaint") },
    };

    private async Task<JsonArray> AuditAsync(string action) =>
        (await _kit.Admin.GetJsonAsync($"/api/audit?action={action}"))["items"]!.AsArray();

    [Theory]
    [InlineData("execute")]
    [InlineData("dispatch")]
    public async Task An_analyst_cannot_start_a_cxm_policy_workflow_directly_and_nothing_is_raised(string how)
    {
        var response = await _analyst.PostAsJsonAsync($"{Api}/workflow-definitions/noise-complaint/{how}", AtCreateWorksheet());

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("'cxm'");
        (await _kit.Admin.PostJsonAsync($"{Api}/workflow-instances", new { page = 0, pageSize = 10, definitionId = "noise-complaint" }))["totalCount"]!
            .GetValue<int>().ShouldBe(0);
        (await _kit.WorksheetsForAsync("101004567890")).Count.ShouldBe(0);
    }

    [Fact]
    public async Task An_admin_may_and_it_is_audited_with_the_activity_it_started_at()
    {
        var response = await _kit.Admin.PostAsJsonAsync($"{Api}/workflow-definitions/noise-complaint/execute", AtCreateWorksheet());

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var entry = (await AuditAsync("WorkflowExecuted")).Single()!;
        entry["actor"]!.GetValue<string>().ShouldBe("admin");
        entry["target"]!.GetValue<string>().ShouldBe("noise-complaint");
        entry["detail"]!.GetValue<string>().ShouldContain("started at activity create");
    }

    [Fact]
    public async Task A_workflow_without_a_policy_still_runs_for_an_analyst_and_dispatch_events_and_tests_are_audited()
    {
        await _analyst.PublishAsync(Support.Workflows.Flowchart("plain", Support.Workflows.WriteLine("say", "hello"), ""));

        (await _analyst.PostAsJsonAsync($"{Api}/workflow-definitions/plain/execute", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _analyst.PostAsJsonAsync($"{Api}/workflow-definitions/plain/dispatch", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _analyst.PostAsJsonAsync($"{Api}/events/bins-emptied/trigger", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _analyst.PostAsJsonAsync($"{Api}/tests/activities", new
        {
            workflowDefinitionHandle = new { definitionVersionId = "noise-complaint-v1" },
            activityHandle = new { activityNodeId = "Workflow1:flowchart:create" },
        })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await AuditAsync("WorkflowExecuted")).Single()!["actor"]!.GetValue<string>().ShouldBe("ana");
        (await AuditAsync("WorkflowDispatched")).Single()!["target"]!.GetValue<string>().ShouldBe("plain");
        (await AuditAsync("EventTriggered")).Single()!["target"]!.GetValue<string>().ShouldBe("bins-emptied");
        var tested = (await AuditAsync("ActivityTested")).Single()!;
        tested["target"]!.GetValue<string>().ShouldBe("noise-complaint");
        tested["detail"]!.GetValue<string>().ShouldContain("create");
    }
}

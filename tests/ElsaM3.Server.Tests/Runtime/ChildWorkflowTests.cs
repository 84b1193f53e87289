using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ElsaM3.Runtime.Instances;
using ElsaM3.Server.Tests.Support;
using ElsaM3.Workflows.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaM3.Server.Tests.Runtime;

/// <summary>Execute Workflow and Dispatch Workflow: a child instance, its input and correlation, and a parent that waits for it.</summary>
public sealed class ChildWorkflowTests : IAsyncLifetime
{
    private readonly ElsaM3Application _app = new();
    private HttpClient _client = null!;
    private const string Api = ApiClient.Api;

    public async Task InitializeAsync()
    {
        _client = await _app.CreateAdminClientAsync();
        await _client.PublishAsync(Fixture("double-it.json"));
        await _client.PublishAsync(Fixture("approve-later.json"));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static string Fixture(string name) => ElsaFiles.Read("child-workflows", name);

    private async Task<string> StartParentAsync(string json)
    {
        var definitionId = (await _client.PublishAsync(json))["definitionId"]!.GetValue<string>();
        var response = await _client.PostAsJsonAsync($"{Api}/workflow-definitions/{definitionId}/execute", new { });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return response.Headers.GetValues("x-elsa-workflow-instance-id").Single();
    }

    /// <summary>The run-children parent as another definition, its activities changed.</summary>
    private static string RunChildren(string definitionId, Action<JsonArray> change)
    {
        var json = JsonNode.Parse(Fixture("run-children.json"))!.AsObject();
        json["definitionId"] = definitionId;
        json["id"] = null;
        change(json["root"]!["activities"]!.AsArray());
        return json.ToJsonString();
    }

    private async Task ApproveAsync(string decision)
    {
        // The child waits for this call; it may still be on its way in the background.
        for (var attempt = 0; ; attempt++)
        {
            var response = await _client.PostAsync("/workflows/approve-later", new StringContent($$"""{"decision":"{{decision}}"}""", Encoding.UTF8, "application/json"));
            if (response.StatusCode != HttpStatusCode.NotFound || attempt == 50)
            {
                response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
                return;
            }
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Execute_runs_the_child_at_once_and_Dispatch_waits_for_its_child_to_end()
    {
        var parentId = await StartParentAsync(Fixture("run-children.json"));

        var waiting = await _client.WaitForAsync(parentId, "Suspended");
        var doubled = waiting["workflowState"]!["variables"]!["v-doubled"]!;
        doubled["status"]!.GetValue<string>().ShouldBe("Finished");
        doubled["output"]!["Answer"]!.GetValue<int>().ShouldBe(42);
        var child = await _client.InstanceAsync(doubled["workflowInstanceId"]!.GetValue<string>());
        child["workflowState"]!["correlationId"]!.GetValue<string>().ShouldBe("case-21");
        child["workflowState"]!["input"]!["ParentInstanceId"]!.GetValue<string>().ShouldBe(parentId);

        await ApproveAsync("granted");

        var finished = await _client.WaitForAsync(parentId, "Finished");
        finished["workflowState"]!["variables"]!["v-approval"]!["Decision"]!.GetValue<string>().ShouldBe("granted");
    }

    [Fact]
    public async Task Execute_waiting_for_a_child_that_suspends_resumes_with_the_childs_output()
    {
        var parentId = await StartParentAsync(RunChildren("execute-and-wait", activities => activities[1]!["type"] = "Elsa.ExecuteWorkflow"));
        (await _client.InstanceAsync(parentId))["workflowState"]!["subStatus"]!.GetValue<string>().ShouldBe("Suspended");

        await ApproveAsync("refused");

        var finished = await _client.WaitForAsync(parentId, "Finished");
        finished["workflowState"]!["variables"]!["v-approval"]!["Decision"]!.GetValue<string>().ShouldBe("refused");
    }

    [Fact]
    public async Task A_child_that_is_not_published_faults_the_parent_naming_it()
    {
        var parentId = await StartParentAsync(RunChildren("missing-child",
            activities => activities[0]!["workflowDefinitionId"]!["expression"]!["value"] = "nowhere"));

        var parent = await _client.WaitForAsync(parentId, "Faulted");
        parent["workflowState"]!["incidents"]![0]!["message"]!.GetValue<string>().ShouldBe("No published version of workflow definition with ID nowhere found.");
    }

    [Fact]
    public async Task A_parent_left_waiting_for_a_child_that_ended_before_a_crash_resumes_at_the_next_start()
    {
        var parentId = await StartParentAsync(Fixture("run-children.json"));
        await _client.WaitForAsync(parentId, "Suspended");
        var store = _app.Services.GetRequiredService<IWorkflowInstanceStore>();
        var parent = (await store.FindStateAsync(parentId, default))!;
        var childId = (string)((Dictionary<string, object?>)parent.Bookmarks.Single().Payload!)["workflowInstanceId"]!;
        // The dispatched child runs in the background: let its first burst land first, or its commit would undo ours.
        await _client.WaitForAsync(childId, "Suspended");
        // The child ends, and the server stops before the parent's resume runs: written past the service, as a crash would leave it.
        var child = (await store.FindStateAsync(childId, default))!;
        child.Status = WorkflowStatus.Finished;
        child.SubStatus = WorkflowSubStatus.Finished;
        child.Bookmarks.Clear();
        child.Output["Decision"] = "decided before the crash";
        await store.CommitAsync(WorkflowCommit.StateOnly(child), default);
        await _app.DisposeAsync();

        await using var restarted = new ElsaM3Application(_app.DataDirectory, new Dictionary<string, string?> { ["ElsaM3:Samples:Import"] = "false" });
        var client = await restarted.CreateAdminClientAsync();

        var finished = await client.WaitForAsync(parentId, "Finished");
        finished["workflowState"]!["variables"]!["v-approval"]!["Decision"]!.GetValue<string>().ShouldBe("decided before the crash");
    }
}

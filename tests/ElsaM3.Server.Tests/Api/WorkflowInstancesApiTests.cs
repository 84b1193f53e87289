using System.Net;
using System.Net.Http.Json;
using System.Text;
using ElsaM3.Server.Tests.Support;
using static ElsaM3.Server.Tests.Support.Workflows;

namespace ElsaM3.Server.Tests.Api;

public sealed class WorkflowInstancesApiTests : IAsyncLifetime
{
    private readonly ElsaM3Application _app = new();
    private HttpClient _client = null!;
    private const string Api = ApiClient.Api;

    public async Task InitializeAsync()
    {
        _client = await _app.CreateAdminClientAsync();
        await _client.PublishAsync(HttpWorkflow("quick", "quick", "POST", WriteLine("log", "hi") + "," + Respond("r", "done"), Connect("ep", "log") + "," + Connect("log", "r")));
        await _client.PublishAsync(HttpWorkflow("slow", "slow", "POST", Delay("wait", "01:00:00"), Connect("ep", "wait")));
        await _client.PublishAsync(HttpWorkflow("named", "named", "POST", NameAndCorrelate("name", "correlate", "case {{ 'FT-' + '1001' }}"),
            Connect("ep", "name") + "," + Connect("name", "correlate")));
        await _client.PublishAsync(HttpWorkflow("flaky", "flaky", "POST",
            """{"id":"bad","type":"Elsa.WriteLine","version":1,"text":{"typeName":"String","expression":{"type":"JavaScript","value":"if (!getVariable('Body').fixed) throw new Error('not fixed'); 'ok'"}}}""" + "," + WriteLine("after", "after"),
            Connect("ep", "bad") + "," + Connect("bad", "after")));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> TriggerAsync(string path, string body = "{}")
    {
        var response = await _client.PostAsync($"/workflows/{path}", new StringContent(body, Encoding.UTF8, "application/json"));
        return response.Headers.GetValues("x-elsa-workflow-instance-id").Single();
    }

    [Fact]
    public async Task SetName_and_Correlate_are_stored_with_the_instance_and_searchable()
    {
        var response = await _client.PostAsync("/workflows/named", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        var id = response.Headers.GetValues("x-elsa-workflow-instance-id").Single();

        var instance = await _client.InstanceAsync(id);
        instance["name"]!.GetValue<string>().ShouldBe("case FT-1001");
        instance["correlationId"]!.GetValue<string>().ShouldBe("case FT-1001");
        var found = await _client.PostJsonAsync($"{Api}/workflow-instances", new { searchTerm = "case FT-1001" });
        found["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ShouldContain(id);
    }

    [Fact]
    public async Task List_FiltersByDefinitionAndStatus_AndPages()
    {
        var quick1 = await TriggerAsync("quick");
        var quick2 = await TriggerAsync("quick");
        var slow = await TriggerAsync("slow");

        var finished = await _client.PostJsonAsync($"{Api}/workflow-instances", new { page = 0, pageSize = 10, definitionIds = new[] { "quick" }, statuses = new[] { "Finished" } });
        finished["totalCount"]!.GetValue<long>().ShouldBe(2);
        finished["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ShouldBe([quick2, quick1]);

        var suspended = await _client.PostJsonAsync($"{Api}/workflow-instances", new { subStatuses = new[] { "Suspended" } });
        suspended["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ShouldBe([slow]);

        var paged = await _client.PostJsonAsync($"{Api}/workflow-instances", new { page = 1, pageSize = 2, orderDirection = "Ascending" });
        paged["totalCount"]!.GetValue<long>().ShouldBe(3);
        paged["items"]!.AsArray().Single()!["id"]!.GetValue<string>().ShouldBe(slow);
    }

    [Fact]
    public async Task Get_ExecutionState_Journal_AndActivityExecutions()
    {
        var id = await TriggerAsync("quick");

        var instance = await _client.InstanceAsync(id);
        instance["workflowState"]!["id"]!.GetValue<string>().ShouldBe(id);
        var state = await _client.GetJsonAsync($"{Api}/workflow-instances/{id}/execution-state");
        state["status"]!.GetValue<string>().ShouldBe("Finished");
        state["workflowSubStatus"]!.GetValue<string>().ShouldBe("Finished");

        var page = await _client.GetJsonAsync($"{Api}/workflow-instances/{id}/journal?page=1&pageSize=3");
        page["totalCount"]!.GetValue<long>().ShouldBe(10);
        page["items"]!.AsArray().Select(i => i!["sequence"]!.GetValue<long>()).ShouldBe([3L, 4, 5]);

        var records = await _client.GetJsonAsync($"{Api}/activity-executions/list?WorkflowInstanceId={id}&ActivityNodeId=Workflow1:fc:log");
        var record = records["items"]!.AsArray().Single()!;
        record["status"]!.GetValue<string>().ShouldBe("Completed");
        record["activityState"]!["Text"]!.GetValue<string>().ShouldBe("hi");
        var byId = await _client.GetJsonAsync($"{Api}/activity-executions/by-id?id={record["id"]}");
        byId["activityName"]!.GetValue<string>().ShouldBe("log");
        var summaries = await _client.GetJsonAsync($"{Api}/activity-execution-summaries/list?WorkflowInstanceId={id}");
        summaries["count"]!.GetValue<int>().ShouldBe(4);
        var report = await _client.PostJsonAsync($"{Api}/activity-executions/report", new { workflowInstanceId = id, activityNodeIds = new[] { "Workflow1:fc:log" } });
        report["stats"]![0]!["completedCount"]!.GetValue<int>().ShouldBe(1);
        var stack = await _client.GetJsonAsync($"{Api}/activity-executions/{record["id"]}/call-stack");
        stack["items"]!.AsArray().Select(i => i!["activityId"]!.GetValue<string>()).ShouldBe(["ep", "log"]);
    }

    [Fact]
    public async Task JournalFilter_ByEventName()
    {
        var id = await TriggerAsync("flaky");

        var faults = await _client.PostJsonAsync($"{Api}/workflow-instances/{id}/journal?skip=0&take=10", new { filter = new { eventNames = new[] { "Faulted" } } });

        ApiClient.EventsOf(faults).ShouldBe(["bad:Faulted"]);
        faults["items"]![0]!["message"]!.GetValue<string>().ShouldContain("not fixed");
    }

    [Fact]
    public async Task Cancel_FinishesTheInstanceCancelled_AndDropsItsTimer()
    {
        var id = await TriggerAsync("slow");

        (await _client.PostAsync($"{Api}/cancel/workflow-instances/{id}", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var instance = await _client.InstanceAsync(id);
        instance["subStatus"]!.GetValue<string>().ShouldBe("Cancelled");
        instance["workflowState"]!["bookmarks"]!.AsArray().ShouldBeEmpty();
        (await _client.PostAsync($"{Api}/cancel/workflow-instances/{id}", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await _client.PostAsync($"{Api}/cancel/workflow-instances/nope", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_And_BulkDelete_RemoveInstancesAndTheirJournal()
    {
        var one = await TriggerAsync("quick");
        var two = await TriggerAsync("quick");
        var three = await TriggerAsync("slow");

        (await _client.DeleteAsync($"{Api}/workflow-instances/{one}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _client.GetAsync($"{Api}/workflow-instances/{one}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _client.GetJsonAsync($"{Api}/workflow-instances/{one}/journal"))["totalCount"]!.GetValue<long>().ShouldBe(0);

        var bulk = await _client.PostJsonAsync($"{Api}/bulk-actions/delete/workflow-instances/by-id", new { ids = new[] { two, three } });
        bulk["count"]!.GetValue<int>().ShouldBe(2);
        (await _client.PostJsonAsync($"{Api}/workflow-instances", new { }))["totalCount"]!.GetValue<long>().ShouldBe(0);
    }

    [Fact]
    public async Task ActivityExecutions_WithoutAnInstance_Is400_NamingTheField()
    {
        foreach (var url in new[] { "activity-executions/list", "activity-execution-summaries/list", "activity-executions/count" })
        {
            var response = await _client.GetAsync($"{Api}/{url}");
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.Content.ReadAsStringAsync()).ShouldContain("workflowInstanceId");
        }
    }

    [Fact]
    public async Task BadPaging_Is400()
    {
        var response = await _client.PostAsJsonAsync($"{Api}/workflow-instances", new { page = -1 });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("page");
    }

    [Fact]
    public async Task RetryAlteration_ResumesFaultedInstanceFromFailedActivity_KeepingJournal()
    {
        var id = await TriggerAsync("flaky");
        (await _client.InstanceAsync(id))["subStatus"]!.GetValue<string>().ShouldBe("Faulted");

        // A retry without a fix faults again, and says so.
        await _client.PostJsonAsync($"{Api}/alterations/workflows/retry", new { workflowInstanceIds = new[] { id } });
        (await _client.InstanceAsync(id))["subStatus"]!.GetValue<string>().ShouldBe("Faulted");

        // The operator fixes the data the script checks, then retries.
        await _client.PostJsonAsync($"{Api}/workflow-instances/{id}/variables", new { variables = new[] { new { id = "body", value = new { @fixed = true } } } });
        var retry = await _client.PostJsonAsync($"{Api}/alterations/workflows/retry", new { workflowInstanceIds = new[] { id } });
        retry["results"]![0]!["succeeded"]!.GetValue<bool>().ShouldBeTrue();
        retry["results"]![0]!["subStatus"]!.GetValue<string>().ShouldBe("Finished");

        var journal = await _client.PostJsonAsync($"{Api}/workflow-instances/{id}/journal?skip=0&take=100",
            new { filter = new { activityIds = new[] { "bad", "after" } } });
        ApiClient.EventsOf(journal).ShouldBe(["bad:Started", "bad:Faulted", "bad:Started", "bad:Faulted", "bad:Started", "bad:Completed", "after:Started", "after:Completed"]);
        (await _client.InstanceAsync(id))["incidentCount"]!.GetValue<int>().ShouldBe(0);
    }
}

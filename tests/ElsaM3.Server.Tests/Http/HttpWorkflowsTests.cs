using System.Net;
using System.Net.Http.Json;
using System.Text;
using ElsaM3.Server.Tests.Support;
using static ElsaM3.Server.Tests.Support.Workflows;

namespace ElsaM3.Server.Tests.Http;

public sealed class HttpWorkflowsTests : IAsyncLifetime
{
    private readonly ElsaM3Application _app = new(settings: new Dictionary<string, string?> { ["ElsaM3:Http:MaxRequestBodyBytes"] = "2048" });
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = await _app.CreateAdminClientAsync();
        await _client.PublishAsync(HttpWorkflow("echo", "echo-cases/{reference}", "POST",
            Respond("reply", "{{ Variables.Route.reference }}: {{ Variables.Body.status }}"), Connect("ep", "reply"), BodyAndRouteVariables));
        await _client.PublishAsync(HttpWorkflow("silent", "silent", "POST", WriteLine("note", "noted"), Connect("ep", "note")));
        await _client.PublishAsync(HttpWorkflow("waits", "waits", "POST", Delay("wait", "01:00:00"), Connect("ep", "wait")));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task SampleWorkflow_IsImportedAndPublished_OnStart()
    {
        var response = await _client.GetAsync("/workflows/hello?name=Priya");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Hello, Priya!");
        var definition = await _client.GetJsonAsync($"{ApiClient.Api}/workflow-definitions/by-definition-id/hello-world?versionOptions=Published");
        definition["isPublished"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Trigger_StartsInstance_WithRouteDataAndJsonBody_AndWritesResponse()
    {
        var response = await _client.PostAsync("/workflows/echo-cases/CASE-42", Json("""{"status":"submitted"}"""));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("CASE-42: submitted");
        var id = response.Headers.GetValues("x-elsa-workflow-instance-id").Single();
        var instance = await _client.InstanceAsync(id);
        instance["status"]!.GetValue<string>().ShouldBe("Finished");
        instance["subStatus"]!.GetValue<string>().ShouldBe("Finished");
        var journal = await _client.PostJsonAsync($"{ApiClient.Api}/workflow-instances/{id}/journal?skip=0&take=50",
            new { filter = new { excludedActivityTypes = new[] { "Elsa.Workflow", "Elsa.Flowchart" } } });
        ApiClient.EventsOf(journal).ShouldBe(["ep:Started", "ep:Completed", "reply:Started", "reply:Completed"]);
    }

    [Fact]
    public async Task A_workflow_that_finishes_without_writing_a_response_answers_200_with_an_empty_body_as_Elsa_does()
    {
        var response = await _client.PostAsync("/workflows/silent", Json("{}"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        (await _client.InstanceAsync(response.Headers.GetValues("x-elsa-workflow-instance-id").Single()))["subStatus"]!.GetValue<string>().ShouldBe("Finished");
    }

    [Fact]
    public async Task A_workflow_left_waiting_without_writing_a_response_answers_202()
    {
        var response = await _client.PostAsync("/workflows/waits", Json("{}"));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task NoMatchingWorkflow_Is404_NamingThePath()
    {
        var response = await _client.PostAsync("/workflows/nothing/here", Json("{}"));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("No workflow handles POST /workflows/nothing/here");
    }

    [Fact]
    public async Task WrongMethod_Is404()
    {
        (await _client.GetAsync("/workflows/echo-cases/CASE-1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task InvalidJsonBody_Is400_AndCreatesNoInstance()
    {
        var answer = await RefusedAsync(PostCase("""{"status": """), HttpStatusCode.BadRequest);

        answer.ShouldContain("not valid JSON");
    }

    [Fact]
    public async Task OversizedBody_Is413_AndCreatesNoInstance()
    {
        await RefusedAsync(PostCase($$"""{"status":"{{new string('x', 5000)}}"}"""), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task JsonBodyWithTrailingContent_Is400_AndCreatesNoInstance()
    {
        var answer = await RefusedAsync(PostCase("""{"status":"submitted"} {"status":"again"}"""), HttpStatusCode.BadRequest);

        answer.ShouldContain("not valid JSON at line 1, position 24");
    }

    [Fact]
    public async Task OversizedBody_SentWithoutLength_Is413_AndCreatesNoInstance()
    {
        var request = PostCase($$"""{"status":"{{new string('x', 5000)}}"}""");
        request.Headers.TransferEncodingChunked = true;

        var answer = await RefusedAsync(request, HttpStatusCode.RequestEntityTooLarge);

        answer.ShouldContain("larger than the limit of 2048 bytes");
    }

    private static HttpRequestMessage PostCase(string json) => new(HttpMethod.Post, "/workflows/echo-cases/CASE-1") { Content = Json(json) };

    /// <summary>Sends a request the trigger must refuse: checks the status and that no instance was created; returns the answer's text.</summary>
    private async Task<string> RefusedAsync(HttpRequestMessage request, HttpStatusCode status)
    {
        var before = await CountInstancesAsync();

        var response = await _client.SendAsync(request);

        response.StatusCode.ShouldBe(status);
        (await CountInstancesAsync()).ShouldBe(before);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task SuspendingRun_Is202_WithInstanceHeader()
    {
        await _client.PublishAsync(HttpWorkflow("wait", "wait", "POST", Delay("d", "01:00:00"), Connect("ep", "d")));

        var response = await _client.PostAsync("/workflows/wait", Json("{}"));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var id = response.Headers.GetValues("x-elsa-workflow-instance-id").Single();
        var instance = await _client.InstanceAsync(id);
        instance["subStatus"]!.GetValue<string>().ShouldBe("Suspended");
        instance["workflowState"]!["bookmarks"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task FaultedRun_Is500_NamingTheInstanceAndIncident_NotWhatWentWrong()
    {
        await _client.PublishAsync(HttpWorkflow("broken", "broken", "POST",
            """{"id":"bad","type":"Elsa.WriteLine","version":1,"text":{"typeName":"String","expression":{"type":"JavaScript","value":"nope()"}}}""",
            Connect("ep", "bad")));

        var response = await _app.CreateClient().PostAsync("/workflows/broken", Json("{}"));

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var body = await response.Content.ReadAsStringAsync();
        var instanceId = response.Headers.GetValues("x-elsa-workflow-instance-id").Single();
        body.ShouldContain($"workflow instance {instanceId}, incident ");
        body.ShouldNotContain("JavaScript");
        body.ShouldNotContain("nope");
        var state = await _client.InstanceAsync(instanceId);
        state["workflowState"]!["incidents"]![0]!["message"]!.GetValue<string>().ShouldContain("Activity 'bad', input 'Text': JavaScript expression failed");
    }

    [Fact]
    public async Task IncidentStackTraces_AreShownToAdmins_AndNotToAnalysts()
    {
        await _client.PublishAsync(HttpWorkflow("broken-trace", "broken-trace", "POST",
            """{"id":"bad","type":"Elsa.WriteLine","version":1,"text":{"typeName":"String","expression":{"type":"JavaScript","value":"nope()"}}}""",
            Connect("ep", "bad")));
        var instanceId = (await _client.PostAsync("/workflows/broken-trace", Json("{}"))).Headers.GetValues("x-elsa-workflow-instance-id").Single();
        var analyst = await _app.CreateAnalystClientAsync();

        static string? StackTrace(System.Text.Json.Nodes.JsonObject instance) =>
            instance["workflowState"]!["incidents"]![0]!["exception"]!["stackTrace"]?.GetValue<string>();
        StackTrace(await _client.InstanceAsync(instanceId)).ShouldNotBeNullOrEmpty();
        var seenByAnalyst = await analyst.InstanceAsync(instanceId);
        StackTrace(seenByAnalyst).ShouldBeNull();
        seenByAnalyst["workflowState"]!["incidents"]![0]!["exception"]!["message"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        var recordsUrl = $"{ApiClient.Api}/activity-executions/list?workflowInstanceId={instanceId}";
        (await _client.GetStringAsync(recordsUrl)).ShouldContain("\"stackTrace\":\"");
        (await analyst.GetStringAsync(recordsUrl)).ShouldNotContain("\"stackTrace\":\"");
    }

    [Fact]
    public async Task MidFlowEndpoint_IsResumedByALaterRequest()
    {
        var activities = WaitForPost("approve", "approvals/7") + "," + Respond("done", "approved by {{ Variables.Body.by }}");
        await _client.PublishAsync(HttpWorkflow("approval", "approvals/start", "POST", activities, Connect("ep", "approve") + "," + Connect("approve", "done"), BodyAndRouteVariables));

        var started = await _client.PostAsync("/workflows/approvals/start", Json("{}"));
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var resumed = await _client.PostAsync("/workflows/approvals/7", Json("""{"by":"Jo"}"""));

        resumed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await resumed.Content.ReadAsStringAsync()).ShouldBe("approved by Jo");
        resumed.Headers.GetValues("x-elsa-workflow-instance-id").Single().ShouldBe(started.Headers.GetValues("x-elsa-workflow-instance-id").Single());
    }

    [Fact]
    public async Task RetractedWorkflow_NoLongerAnswers()
    {
        await _client.PublishAsync(HttpWorkflow("temp", "temp", "GET", Respond("r", "ok"), Connect("ep", "r")));
        (await _client.GetAsync("/workflows/temp")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await _client.PostJsonAsync($"{ApiClient.Api}/workflow-definitions/temp/retract", new { });

        (await _client.GetAsync("/workflows/temp")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ASecondWorkflowOnOnePath_IsRefusedAtPublish_AndTheFirstKeepsAnswering()
    {
        await _client.PublishAsync(HttpWorkflow("twin-a", "twin", "GET", Respond("r", "a"), Connect("ep", "r")));
        var second = await _client.PostAsJsonAsync($"{ApiClient.Api}/workflow-definitions",
            new System.Text.Json.Nodes.JsonObject { ["model"] = System.Text.Json.Nodes.JsonNode.Parse(HttpWorkflow("twin-b", "twin", "GET", Respond("r", "b"), Connect("ep", "r"))), ["publish"] = true });

        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await second.Content.ReadAsStringAsync();
        problem.ShouldContain("twin-a");
        problem.ShouldContain("twin-b");
        (await _client.GetStringAsync("/workflows/twin")).ShouldBe("a");
        (await _client.GetAsync($"{ApiClient.Api}/workflow-definitions/by-definition-id/twin-b")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<long> CountInstancesAsync() =>
        (await _client.PostJsonAsync($"{ApiClient.Api}/workflow-instances", new { page = 0, pageSize = 1 }))["totalCount"]!.GetValue<long>();
}

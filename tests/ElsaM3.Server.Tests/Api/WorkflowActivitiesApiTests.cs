using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ElsaM3.Server.Tests.Support;

namespace ElsaM3.Server.Tests.Api;

/// <summary>A parent using two published children (one with an input and an output, one with outcomes), through the API.</summary>
public sealed class WorkflowActivitiesApiTests : IAsyncLifetime
{
    private readonly ElsaM3Application _app = new();
    private HttpClient _client = null!;
    private const string Api = ApiClient.Api;

    public async Task InitializeAsync()
    {
        _client = await _app.CreateAdminClientAsync();
        await _client.PublishAsync(Fixture("greet-resident.json"));
        await _client.PublishAsync(Fixture("triage-score.json"));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static string Fixture(string name) => ElsaFiles.Read("composition", name);

    [Theory]
    [InlineData(9, "urgent: Hello, Ann")]
    [InlineData(1, "routine: Hello, Ann")]
    public async Task The_parent_runs_both_children_through_its_HTTP_trigger(int score, string answer)
    {
        await _client.PublishAsync(Fixture("report-http.json"));

        var response = await _client.PostAsync("/workflows/report",
            new StringContent($$"""{"residentName":"Ann","score":{{score}}}""", Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe(answer);
    }

    [Fact]
    public async Task The_parent_runs_through_execute_with_Elsas_outputs_and_a_nested_journal()
    {
        await _client.PublishAsync(Fixture("report-parent.json"));

        var response = await _client.PostAsJsonAsync($"{Api}/workflow-definitions/report-parent/execute",
            new { input = new { ResidentName = "Bo", Score = 6 } });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var state = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["workflowState"]!;
        state["subStatus"]!.GetValue<string>().ShouldBe("Finished", state["incidents"]?.ToJsonString());
        state["output"]!["Greeting"]!.GetValue<string>().ShouldBe("Hello, BO");
        state["output"]!["Verdict"]!.GetValue<string>().ShouldBe("urgent");
        var id = response.Headers.GetValues("x-elsa-workflow-instance-id").Single();
        var records = (await _client.GetJsonAsync($"{Api}/activity-executions/list?workflowInstanceId={id}"))["items"]!.AsArray();
        var greet = records.Single(r => r!["activityId"]!.GetValue<string>() == "greet")!;
        greet["outputs"]!["Message"]!.GetValue<string>().ShouldBe("Hello, BO");
        records.ShouldContain(r => r!["activityNodeId"]!.GetValue<string>() == "Workflow1:fc01:greet:fc01:out1");
    }

    [Fact]
    public async Task Published_children_are_in_the_toolbox_under_their_category_and_not_as_placeholders()
    {
        await _client.PublishAsync(Fixture("report-parent.json"));

        var descriptors = (await _client.GetJsonAsync($"{Api}/descriptors/activities"))["items"]!.AsArray();

        var greet = descriptors.Single(d => d!["typeName"]!.GetValue<string>() == "GreetResident")!;
        greet["category"]!.GetValue<string>().ShouldBe("Council");
        greet["isBrowsable"]!.GetValue<bool>().ShouldBeTrue();
        greet["inputs"]![0]!["name"]!.GetValue<string>().ShouldBe("ResidentName");
        greet["outputs"]![0]!["name"]!.GetValue<string>().ShouldBe("Message");
        var triage = descriptors.Single(d => d!["typeName"]!.GetValue<string>() == "TriageScore")!;
        triage["category"]!.GetValue<string>().ShouldBe("Workflows");
        triage["ports"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ShouldBe(["Root", "Urgent", "Routine"]);
    }

    [Fact]
    public async Task Republishing_a_child_that_auto_updates_moves_its_consumers_to_the_new_version()
    {
        await _client.PublishAsync(Fixture("report-parent.json"));
        var greetV2 = JsonNode.Parse(Fixture("greet-resident.json"))!.AsObject();
        greetV2["variables"]![0]!["value"] = "Good morning";

        var v2 = await _client.PublishAsync(greetV2.ToJsonString());

        v2["version"]!.GetValue<int>().ShouldBe(2);
        var parent = await _client.GetJsonAsync($"{Api}/workflow-definitions/by-definition-id/report-parent?versionOptions=Latest");
        parent["version"]!.GetValue<int>().ShouldBe(2);
        parent["isPublished"]!.GetValue<bool>().ShouldBeTrue();
        var greet = parent["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "greet")!;
        greet["workflowDefinitionVersionId"]!.GetValue<string>().ShouldBe(v2["id"]!.GetValue<string>());
        var triage = parent["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "triage")!;
        triage["workflowDefinitionVersionId"]!.GetValue<string>().ShouldBe("triage-score-v1");

        var run = await _client.PostJsonAsync($"{Api}/workflow-definitions/report-parent/execute", new { input = new { ResidentName = "Di", Score = 1 } });
        run["workflowState"]!["output"]!["Greeting"]!.GetValue<string>().ShouldBe("Good morning, DI");
    }

    [Fact]
    public async Task A_parent_naming_a_version_that_is_gone_runs_the_published_one_as_Elsa_falls_back()
    {
        var parent = JsonNode.Parse(Fixture("report-parent.json"))!.AsObject();
        parent["root"]!["activities"]![2]!["workflowDefinitionVersionId"] = "deleted-version";

        await _client.PublishAsync(parent.ToJsonString());
        var run = await _client.PostJsonAsync($"{Api}/workflow-definitions/report-parent/execute", new { input = new { ResidentName = "Flo", Score = 1 } });

        run["workflowState"]!["subStatus"]!.GetValue<string>().ShouldBe("Finished");
        run["workflowState"]!["output"]!["Greeting"]!.GetValue<string>().ShouldBe("Hello, FLO");
    }

    [Fact]
    public async Task A_child_in_the_body_of_a_ForEach_runs_once_per_item()
    {
        var greet = JsonNode.Parse(Fixture("report-parent.json"))!["root"]!["activities"]![2]!.DeepClone().AsObject();
        greet["residentName"] = JsonNode.Parse("""{"typeName":"String","expression":{"type":"JavaScript","value":"getCurrentValue()"}}""");
        greet["message"] = JsonNode.Parse("""{"typeName":"String","memoryReference":{"id":"Greeting"}}""");
        var parent = new JsonObject
        {
            ["definitionId"] = "greet-each", ["name"] = "Greet each",
            ["outputs"] = JsonNode.Parse("""[{"type":"String","name":"Greeting"}]"""),
            ["root"] = new JsonObject
            {
                ["id"] = "fc", ["type"] = "Elsa.Flowchart", ["version"] = 1, ["connections"] = new JsonArray(),
                ["activities"] = new JsonArray(new JsonObject
                {
                    ["id"] = "each", ["type"] = "Elsa.ForEach", ["version"] = 1,
                    ["items"] = JsonNode.Parse("""{"typeName":"Object","expression":{"type":"Object","value":"[\"Ann\",\"Bo\"]"}}"""),
                    ["body"] = greet,
                }),
            },
        };

        await _client.PublishAsync(parent.ToJsonString());
        var run = await _client.PostJsonAsync($"{Api}/workflow-definitions/greet-each/execute", new { });

        run["workflowState"]!["subStatus"]!.GetValue<string>().ShouldBe("Finished");
        run["workflowState"]!["output"]!["Greeting"]!.GetValue<string>().ShouldBe("Hello, Bo");
    }
}

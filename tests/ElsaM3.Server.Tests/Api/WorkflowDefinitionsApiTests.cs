using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ElsaM3.Server.Tests.Support;
using static ElsaM3.Server.Tests.Support.Workflows;

namespace ElsaM3.Server.Tests.Api;

public sealed class WorkflowDefinitionsApiTests : IAsyncLifetime
{
    private readonly ElsaM3Application _app = new();
    private HttpClient _client = null!;
    private const string Api = ApiClient.Api;

    public async Task InitializeAsync() => _client = await _app.CreateAdminClientAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<JsonObject> SaveAsync(string json, bool publish)
    {
        var response = await _client.PostAsJsonAsync($"{Api}/workflow-definitions", new JsonObject { ["model"] = JsonNode.Parse(json), ["publish"] = publish });
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!["workflowDefinition"]!.AsObject();
    }

    [Fact]
    public async Task Versioning_DraftOverwritten_PublishedGetsNewVersion_OnlyOnePublished()
    {
        var json = HttpWorkflow("versions", "versions", "GET", Respond("r", "v1"), Connect("ep", "r"));

        var draft = await SaveAsync(json, publish: false);
        draft["version"]!.GetValue<int>().ShouldBe(1);
        draft["isPublished"]!.GetValue<bool>().ShouldBeFalse();
        var overwritten = await SaveAsync(json, publish: false);
        overwritten["id"]!.GetValue<string>().ShouldBe(draft["id"]!.GetValue<string>());
        var published = await SaveAsync(json, publish: true);
        published["version"]!.GetValue<int>().ShouldBe(1);
        published["isPublished"]!.GetValue<bool>().ShouldBeTrue();

        var v2 = await SaveAsync(HttpWorkflow("versions", "versions", "GET", Respond("r", "v2"), Connect("ep", "r")), publish: false);
        v2["version"]!.GetValue<int>().ShouldBe(2);
        v2["isLatest"]!.GetValue<bool>().ShouldBeTrue();
        (await (await _client.GetAsync("/workflows/versions")).Content.ReadAsStringAsync()).ShouldBe("v1");

        await SaveAsync(HttpWorkflow("versions", "versions", "GET", Respond("r", "v2"), Connect("ep", "r")), publish: true);
        (await (await _client.GetAsync("/workflows/versions")).Content.ReadAsStringAsync()).ShouldBe("v2");
        var all = await _client.GetJsonAsync($"{Api}/workflow-definitions?versionOptions=AllVersions&DefinitionIds=versions&OrderBy=Version&OrderDirection=Descending");
        all["totalCount"]!.GetValue<long>().ShouldBe(2);
        all["items"]!.AsArray().Select(i => (i!["version"]!.GetValue<int>(), i["isPublished"]!.GetValue<bool>(), i["isLatest"]!.GetValue<bool>()))
            .ShouldBe([(2, true, true), (1, false, false)]);
    }

    [Fact]
    public async Task Definition_HasNodeIdsAndPublishLink()
    {
        var saved = await SaveAsync("""{"definitionId":null,"name":"Created in Studio","root":{"id":"r1","type":"Elsa.Flowchart","version":1,"name":"Flowchart1"}}""", false);

        var id = saved["definitionId"]!.GetValue<string>();
        id.ShouldNotBeNullOrEmpty();
        var loaded = await _client.GetJsonAsync($"{Api}/workflow-definitions/by-definition-id/{id}?versionOptions=Latest");
        loaded["root"]!["nodeId"]!.GetValue<string>().ShouldBe("Workflow1:r1");
        loaded["links"]!.AsArray().Select(l => l!["rel"]!.GetValue<string>()).ShouldContain("publish");
        (await _client.GetJsonAsync($"{Api}/workflow-definitions/by-id/{saved["id"]}"))["name"]!.GetValue<string>().ShouldBe("Created in Studio");
    }

    [Fact]
    public async Task List_PagesAndFilters_WithBulkPublishLink()
    {
        for (var i = 1; i <= 3; i++) await SaveAsync(HttpWorkflow($"list-{i}", $"list/{i}", "GET", "", ""), publish: false);

        var page = await _client.GetJsonAsync($"{Api}/workflow-definitions?versionOptions=Latest&Page=1&PageSize=2&SearchTerm=list-&IsSystem=False&OrderBy=Name&OrderDirection=Ascending");

        page["totalCount"]!.GetValue<long>().ShouldBe(3);
        page["items"]!.AsArray().Select(i => i!["definitionId"]!.GetValue<string>()).ShouldBe(["list-3"]);
        page["links"]!.AsArray().Select(l => l!["rel"]!.GetValue<string>()).ShouldContain("bulk-publish");
    }

    [Fact]
    public async Task InvalidModel_Is400_NamingTheField_AndStoresNothing()
    {
        var response = await _client.PostAsJsonAsync($"{Api}/workflow-definitions",
            new JsonObject { ["model"] = JsonNode.Parse("""
                {"definitionId":"bad","root":{"id":"fc","type":"Elsa.Flowchart","activities":[{"id":"a","type":"Elsa.WriteLine"},{"id":"a","type":"Elsa.WriteLine"}]}}
                """) });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        problem["errors"]!["activities"]![0]!.GetValue<string>().ShouldContain("the id 'a' is used by more than one activity");
        (await _client.GetAsync($"{Api}/workflow-definitions/by-definition-id/bad")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BadVersionOptions_Is400()
    {
        var response = await _client.GetAsync($"{Api}/workflow-definitions?versionOptions=Newest");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("versionOptions");
    }

    [Fact]
    public async Task Delete_RemovesEveryVersion()
    {
        await SaveAsync(HttpWorkflow("doomed", "doomed", "GET", "", ""), publish: true);

        (await _client.DeleteAsync($"{Api}/workflow-definitions/doomed")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await _client.GetAsync($"{Api}/workflow-definitions/by-definition-id/doomed")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _client.GetAsync("/workflows/doomed")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_CancelsTheInstancesWaitingOnIt_AndTheirPathsAnswer404()
    {
        var waiting = WaitForPost("wait", "doomed-waits/next");
        await SaveAsync(HttpWorkflow("doomed-waits", "doomed-waits/start", "POST", waiting, Connect("ep", "wait")), publish: true);
        var started = await _client.PostAsync("/workflows/doomed-waits/start", JsonContent.Create(new { }));
        var instanceId = started.Headers.GetValues("x-elsa-workflow-instance-id").Single();
        (await _client.InstanceAsync(instanceId))["status"]!.GetValue<string>().ShouldBe("Running");

        (await _client.DeleteAsync($"{Api}/workflow-definitions/doomed-waits")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await _client.InstanceAsync(instanceId))["subStatus"]!.GetValue<string>().ShouldBe("Cancelled");
        (await _client.PostAsync("/workflows/doomed-waits/start", JsonContent.Create(new { }))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _client.PostAsync("/workflows/doomed-waits/next", JsonContent.Create(new { }))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeletingAVersion_CancelsTheInstancesWaitingOnThatVersion()
    {
        var waiting = WaitForPost("wait", "doomed-version/next");
        var published = await SaveAsync(HttpWorkflow("doomed-version", "doomed-version/start", "POST", waiting, Connect("ep", "wait")), publish: true);
        var instanceId = (await _client.PostAsync("/workflows/doomed-version/start", JsonContent.Create(new { }))).Headers.GetValues("x-elsa-workflow-instance-id").Single();

        (await _client.DeleteAsync($"{Api}/workflow-definition-versions/{published["id"]!.GetValue<string>()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await _client.InstanceAsync(instanceId))["subStatus"]!.GetValue<string>().ShouldBe("Cancelled");
    }

    [Fact]
    public async Task ExportThenImport_RoundTrips_AsADraft_AnsweringTheDefinitionItself()
    {
        await SaveAsync(HttpWorkflow("exported", "exported", "GET", Respond("r", "hi"), Connect("ep", "r")), publish: true);

        var export = await _client.GetAsync($"{Api}/workflow-definitions/exported/export?versionOptions=Published");
        export.Content.Headers.ContentDisposition!.FileName!.ShouldContain("workflow-definition-exported-exported-");
        var json = JsonNode.Parse(await export.Content.ReadAsStringAsync())!.AsObject();
        json["$schema"]!.GetValue<string>().ShouldContain("elsaworkflows.io");
        json["isPublished"]!.GetValue<bool>().ShouldBeTrue();
        json["definitionId"] = "imported";
        json["id"] = null;
        json["root"]!["activities"]![0]!["path"]!["expression"]!["value"] = "imported";

        var imported = await _client.PostAsJsonAsync($"{Api}/workflow-definitions/import", json);

        imported.StatusCode.ShouldBe(HttpStatusCode.Created);
        imported.Headers.Location!.ToString().ShouldBe($"{Api}/workflow-definitions/by-definition-id/imported");
        var model = JsonNode.Parse(await imported.Content.ReadAsStringAsync())!;
        model["definitionId"]!.GetValue<string>().ShouldBe("imported");
        model["isPublished"]!.GetValue<bool>().ShouldBeFalse();
        model["root"]!["activities"]!.AsArray().Count.ShouldBe(2);
        model["links"]!.AsArray().Select(l => l!["rel"]!.GetValue<string>()).ShouldContain("publish");
        (await _client.GetAsync("/workflows/imported")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await _client.PostAsync($"{Api}/workflow-definitions/imported/publish", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await _client.GetAsync("/workflows/imported")).Content.ReadAsStringAsync()).ShouldBe("hi");

        var again = await _client.PostAsJsonAsync($"{Api}/workflow-definitions/import", json);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonNode.Parse(await again.Content.ReadAsStringAsync())!["version"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task Import_EvaluatesNothing_ATriggerScriptThatCannotRun_IsRefusedOnlyAtPublish()
    {
        var json = JsonNode.Parse(HttpWorkflow("script-path", "x", "GET", Respond("r", "hi"), Connect("ep", "r")))!.AsObject();
        json["root"]!["activities"]![0]!["path"] = JsonNode.Parse("""{"typeName":"String","expression":{"type":"JavaScript","value":"noSuchFunction()"}}""");

        var imported = await _client.PostAsJsonAsync($"{Api}/workflow-definitions/import", json);
        imported.StatusCode.ShouldBe(HttpStatusCode.Created);

        var published = await _client.PostAsync($"{Api}/workflow-definitions/script-path/publish", null);
        published.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await published.Content.ReadAsStringAsync()).ShouldContain("noSuchFunction");
    }

    [Fact]
    public async Task AmbiguousCall_AnswersElsasErrorMessage_AndTheWorkflows()
    {
        await SaveAsync(HttpWorkflow("amb-a", "amb", "GET", Respond("r", "a"), Connect("ep", "r")), publish: true);
        await SaveAsync(HttpWorkflow("amb-b", "amb-b", "GET", Respond("r", "b"), Connect("ep", "r")), publish: true);
        // Publishing refuses a clash; a second node or a hand-edited database can still make one.
        var store = _app.Services.GetRequiredService<ElsaM3.Runtime.Definitions.IWorkflowDefinitionStore>();
        var triggers = await store.ListTriggersAsync(null, default);
        var a = triggers.Single(t => t.WorkflowDefinitionId == "amb-a");
        var b = triggers.Single(t => t.WorkflowDefinitionId == "amb-b");
        await store.ReplaceTriggersAsync("amb-b", [b with { Hash = a.Hash, Payload = a.Payload }], default);
        _app.Services.GetRequiredService<ElsaM3.Runtime.Triggers.TriggerIndex>().Invalidate();

        var response = await _client.GetAsync("/workflows/amb");

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["errorMessage"]!.GetValue<string>().ShouldBe("The call is ambiguous and matches multiple workflows.");
        body["workflows"]!.AsArray().Select(w => w!["workflowDefinitionId"]!.GetValue<string>()).Order().ShouldBe(["amb-a", "amb-b"]);
    }

    [Fact]
    public async Task IsNameUnique_And_Count()
    {
        await SaveAsync(HttpWorkflow("named", "named", "GET", "", ""), false);

        (await _client.GetJsonAsync($"{Api}/workflow-definitions/validation/is-name-unique?name=named"))["isUnique"]!.GetValue<bool>().ShouldBeFalse();
        (await _client.GetJsonAsync($"{Api}/workflow-definitions/validation/is-name-unique?name=named&definitionId=named"))["isUnique"]!.GetValue<bool>().ShouldBeTrue();
        (await _client.GetJsonAsync($"{Api}/workflow-definitions/validation/is-name-unique?name=Workflow%201"))["isUnique"]!.GetValue<bool>().ShouldBeTrue();
        (await _client.GetJsonAsync($"{Api}/workflow-definitions/query/count"))["count"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Execute_RunsAndAnswersWithStateAndHeader_Dispatch_ReturnsAtOnce()
    {
        var json = """
            {"definitionId":"runner","name":"runner","variables":[{"id":"n","name":"N","typeName":"Int32","isArray":false,"value":"1"}],
             "root":{"id":"fc","type":"Elsa.Flowchart","version":1,"activities":[
               {"id":"set","type":"Elsa.SetVariable","version":1,"variable":{"id":"n","name":"N"},
                "value":{"typeName":"Object","expression":{"type":"JavaScript","value":"getN() + getInput('Add')"}}}],"connections":[]}}
            """;
        await SaveAsync(json, publish: true);

        var response = await _client.PostAsJsonAsync($"{Api}/workflow-definitions/runner/execute", new { input = new { Add = 41 }, versionOptions = "Published" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var id = response.Headers.GetValues("x-elsa-workflow-instance-id").Single();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["workflowState"]!["subStatus"]!.GetValue<string>().ShouldBe("Finished");
        body["workflowState"]!["variables"]!["n"]!.GetValue<int>().ShouldBe(42);
        (await _client.GetJsonAsync($"{Api}/workflow-instances/{id}/variables"))["items"]![0]!["value"]!.GetValue<int>().ShouldBe(42);

        var dispatched = await _client.PostJsonAsync($"{Api}/workflow-definitions/runner/dispatch", new { input = new { Add = 1 } });
        var finished = await _client.WaitForAsync(dispatched["workflowInstanceId"]!.GetValue<string>(), "Finished");
        finished["workflowState"]!["variables"]!["n"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task Execute_UnknownDefinition_Is404_WithCannotStartHeader()
    {
        var response = await _client.PostAsJsonAsync($"{Api}/workflow-definitions/missing/execute", new { });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Headers.GetValues("x-elsa-workflow-cannot-start").Single().ShouldBe("true");
    }

    [Fact]
    public async Task DroppedActivities_GetTheirDescriptorDefaults_WhenSaved()
    {
        var saved = await SaveAsync("""
            {"definitionId":"dropped","name":"dropped","root":{"id":"fc","type":"Elsa.Flowchart","version":1,"activities":[
              {"id":"d","type":"Elsa.Delay","version":1},{"id":"ep","type":"Elsa.HttpEndpoint","version":1,"customProperties":{"canStartWorkflow":true}}],"connections":[]}}
            """, publish: false);

        var activities = saved["root"]!["activities"]!.AsArray();
        activities[0]!["timeSpan"]!["expression"]!["value"]!.GetValue<string>().ShouldBe("00:01:00");
        activities[0]!["nodeId"]!.GetValue<string>().ShouldBe("Workflow1:fc:d");
        activities[1]!["supportedMethods"]!["expression"]!["type"]!.GetValue<string>().ShouldBe("Object");
        activities[1]!["supportedMethods"]!["expression"]!["value"]!.GetValue<string>().ShouldBe("[\"GET\"]");
    }

    [Fact]
    public async Task UnknownActivityType_GetsAPlaceholderDescriptor_AndIsKept()
    {
        await SaveAsync("""
            {"definitionId":"legacy","name":"legacy","root":{"id":"fc","type":"Elsa.Flowchart","version":1,"activities":[
              {"id":"x","type":"Acme.Legacy","version":3,"customSetting":{"keep":"me"}}],"connections":[]}}
            """, publish: false);

        var descriptors = await _client.GetJsonAsync($"{Api}/descriptors/activities?Refresh=True");
        var placeholder = descriptors["items"]!.AsArray().Single(d => d!["typeName"]!.GetValue<string>() == "Acme.Legacy")!;
        placeholder["version"]!.GetValue<int>().ShouldBe(3);
        placeholder["isBrowsable"]!.GetValue<bool>().ShouldBeFalse();
        var loaded = await _client.GetJsonAsync($"{Api}/workflow-definitions/by-definition-id/legacy");
        loaded["root"]!["activities"]![0]!["customSetting"]!["keep"]!.GetValue<string>().ShouldBe("me");

        // After a restart, before anything loads the definition again.
        await using var restarted = new ElsaM3Application(_app.DataDirectory, new Dictionary<string, string?> { ["ElsaM3:Samples:Import"] = "false" });
        var client = await restarted.CreateAdminClientAsync();
        var again = await client.GetJsonAsync($"{Api}/descriptors/activities");
        again["items"]!.AsArray().ShouldContain(d => d!["typeName"]!.GetValue<string>() == "Acme.Legacy");
    }

    [Fact]
    public async Task JavaScriptTypeDefinitions_DeclareTheCommonFunctions_AndTheWorkflowsVariableAccessors()
    {
        await SaveAsync(HttpWorkflow("typed", "typed", "GET", Respond("r", "hi"), Connect("ep", "r")), publish: false);

        var response = await _client.PostAsJsonAsync($"{Api}/scripting/javascript/type-definitions/typed", new { activityTypeName = "Elsa.WriteLine", propertyName = "Text" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/x-typescript");
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldContain("declare function getOutputFrom(activityNameOrId: string, outputName: string): any;");
        text.ShouldContain("declare function getBody(): any;");
        text.ShouldContain("declare function setRoute(value: any): void;");
        (await _client.PostAsJsonAsync($"{Api}/scripting/javascript/type-definitions/missing", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

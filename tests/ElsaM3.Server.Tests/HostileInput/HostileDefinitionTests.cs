using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ElsaM3.Server.Tests.Support;
using static ElsaM3.Server.Tests.Support.Workflows;

namespace ElsaM3.Server.Tests.HostileInput;

/// <summary>Definitions that cannot be stored safely are refused with the field and the reason; nothing is stored.</summary>
public sealed class HostileDefinitionTests : IAsyncLifetime
{
    private readonly ElsaM3Application _app = new();
    private HttpClient _admin = null!;
    private const string Api = ApiClient.Api;

    public async Task InitializeAsync() => _admin = await _app.CreateAdminClientAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<long> CountDefinitionsAsync() =>
        (await _admin.GetJsonAsync($"{Api}/workflow-definitions?versionOptions=AllVersions&pageSize=1"))["totalCount"]!.GetValue<long>();

    private async Task<string> RefusedAsync(string url, string json, HttpStatusCode expected = HttpStatusCode.BadRequest)
    {
        var before = await CountDefinitionsAsync();
        var response = await _admin.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await CountDefinitionsAsync()).ShouldBe(before);
        return body;
    }

    private static string Model(Action<JsonObject> change)
    {
        var model = JsonNode.Parse(HttpWorkflow("hostile-def", "hostile-def", "GET", Respond("r", "ok"), Connect("ep", "r")))!.AsObject();
        change(model);
        return model.ToJsonString();
    }

    private static string Save(string model) => $$"""{"model":{{model}},"publish":true}""";

    [Fact]
    public async Task Save_DuplicateKeys_Is400() =>
        (await RefusedAsync($"{Api}/workflow-definitions", Save(Model(_ => { })).Replace("\"name\":", "\"name\":\"x\",\"name\":"))).ShouldContain("name");

    [Fact]
    public async Task Import_DuplicateKeys_Is400() =>
        await RefusedAsync($"{Api}/workflow-definitions/import", Model(_ => { }).Replace("\"name\":", "\"name\":\"x\",\"name\":"));

    [Fact]
    public async Task Save_LoneSurrogate_Is400() =>
        await RefusedAsync($"{Api}/workflow-definitions", Save(Model(m => m["name"] = "placeholder")).Replace("placeholder", "\\ud800"));

    [Fact]
    public async Task Save_EmptyObject_Is400() => (await RefusedAsync($"{Api}/workflow-definitions", """{"model":{}}""")).ShouldContain("root");

    [Fact]
    public async Task Import_EmptyObject_Is400() => (await RefusedAsync($"{Api}/workflow-definitions/import", "{}")).ShouldContain("root");

    [Fact]
    public async Task Save_NullModel_Is400() => (await RefusedAsync($"{Api}/workflow-definitions", """{"model":null}""")).ShouldContain("model");

    [Fact]
    public async Task Import_NullBody_Is400() => await RefusedAsync($"{Api}/workflow-definitions/import", "null");

    [Fact]
    public async Task Save_NullRoot_Is400() => (await RefusedAsync($"{Api}/workflow-definitions", Save(Model(m => m["root"] = null)))).ShouldContain("root");

    [Fact]
    public async Task Save_NegativeVersion_Is400() =>
        (await RefusedAsync($"{Api}/workflow-definitions", Save(Model(m => m["version"] = -3)))).ShouldContain("version");

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("a/b")]
    [InlineData("nul\u0000here")]
    [InlineData("..")]
    public async Task Save_DefinitionIdThatIsNotAPlainName_Is400(string id) =>
        (await RefusedAsync($"{Api}/workflow-definitions", Save(Model(m => m["definitionId"] = id)))).ShouldContain("definitionId");

    [Fact]
    public async Task Save_TwentyMegabyteDescription_Is400() =>
        (await RefusedAsync($"{Api}/workflow-definitions", Save(Model(m => m["description"] = new string('d', 20 * 1024 * 1024))))).ShouldContain("description");

    [Theory]
    [InlineData("System.IO.FileInfo")]
    [InlineData("System.IO.FileSystemWatcher, System.IO.FileSystem.Watcher")]
    [InlineData("System.Diagnostics.Process")]
    public async Task Save_VariableOfAnArbitraryDotNetType_Is400_NamingTheVariable(string typeName) =>
        (await RefusedAsync($"{Api}/workflow-definitions",
            Save(Model(m => m["variables"] = JsonNode.Parse($$"""[{"id":"v","name":"Probe","typeName":"{{typeName}}","isArray":false,"value":"/"}]""")))))
        .ShouldContain("variable 'Probe'");

    [Theory]
    [InlineData("String")]
    [InlineData("System.String")]
    [InlineData("Int32[]")]
    [InlineData("ObjectMap")]
    [InlineData("System.Text.Json.Nodes.JsonObject")]
    public async Task Save_VariableOfAnAllowedType_IsStored(string typeName)
    {
        var response = await _admin.PostAsync($"{Api}/workflow-definitions", new StringContent(
            Save(Model(m => m["variables"] = JsonNode.Parse($$"""[{"id":"v","name":"Fine","typeName":"{{typeName}}","isArray":false}]"""))), Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Publish_AnInvalidRouteTemplate_Is400_NamingTheActivityAndPath()
    {
        var body = await RefusedAsync($"{Api}/workflow-definitions", Save(HttpWorkflow("probe", "probe/{", "POST", Respond("r", "x"), Connect("ep", "r"))));
        body.ShouldContain("activities.ep");
        body.ShouldContain("probe/{");
        (await _app.CreateCxmClient().PostAsJsonAsync("/workflows/cases/noise-complaint", new { reference = "1" })).StatusCode.ShouldNotBe(HttpStatusCode.InternalServerError);
    }

    [Fact]
    public async Task Publish_ARouteOverlappingAPublishedOne_Is409_NamingBothWorkflows()
    {
        var body = await RefusedAsync($"{Api}/workflow-definitions", Save(HttpWorkflow("grabby", "cases/{kind}", "POST", Respond("r", "x"), Connect("ep", "r"))), HttpStatusCode.Conflict);
        var workflows = JsonNode.Parse(body)!["workflows"]!.AsArray().Select(w => w!.GetValue<string>()).ToList();
        workflows[0].ShouldBe("grabby");
        workflows[1].ShouldBeOneOf("noise-complaint", "litter-bin", "assisted-collection", "bin-attributes");
        body.ShouldContain("cases/{kind}");
        var sample = await _app.CreateCxmClient().PostAsync("/workflows/cases/noise-complaint",
            new StringContent(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "workflows", "cases", "noise-complaint.json")), Encoding.UTF8, "application/json"));
        sample.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Publish_ARouteOnAnotherMethod_OrAnotherLiteral_IsFine()
    {
        await _admin.PublishAsync(HttpWorkflow("get-cases", "cases/{kind}", "GET", Respond("r", "x"), Connect("ep", "r")));
        await _admin.PublishAsync(HttpWorkflow("other-cases", "cases/{kind}/notes", "POST", Respond("r", "x"), Connect("ep", "r")));
    }

    [Fact]
    public async Task BulkCancel_ANullId_Is400() =>
        (await RefusedAsync($"{Api}/bulk-actions/cancel/workflow-instances", """{"ids":[null]}""")).ShouldContain("ids[0]");

    [Fact]
    public async Task BulkDelete_ABlankId_Is400() =>
        (await RefusedAsync($"{Api}/bulk-actions/delete/workflow-instances/by-id", """{"ids":["x",""]}""")).ShouldContain("ids[1]");

    [Fact]
    public async Task Retry_ANullInstanceId_Is400() =>
        (await RefusedAsync($"{Api}/alterations/workflows/retry", """{"workflowInstanceIds":[null]}""")).ShouldContain("workflowInstanceIds[0]");

    [Theory]
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    [InlineData("1e400")]
    [InlineData("-5")]
    public async Task Settings_TimeoutSecondsThatIsNotATime_Is400(string timeout)
    {
        var before = await _admin.GetStringAsync("/api/settings/m3pp");
        var response = await _admin.PutAsync("/api/settings/m3pp", new StringContent($$"""{"enabled":true,"timeoutSeconds":{{timeout}}}""", Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        (await _admin.GetStringAsync("/api/settings/m3pp")).ShouldBe(before);
    }

    [Fact]
    public async Task CxmSimulator_PutWithDuplicateKeys_Is400()
    {
        var simulator = _app.CreateClient();
        simulator.DefaultRequestHeaders.Add("X-Api-Key", ElsaM3.Simulators.SimulatorOptions.DevelopmentApiKey);
        var json = """{"reference":"D1","reference":"D2","caseType":"noise"}""";
        (await simulator.PutAsync("/simulators/cxm/api/v1/cases/D1", new StringContent(json, Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await simulator.PatchAsync("/simulators/cxm/api/v1/cases/D1", new StringContent(json, Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task NoiseSample_ForgedWorkflowInstanceIdInTheCase_TheAnswerNamesTheRealInstance()
    {
        var @case = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "workflows", "cases", "noise-complaint.json")))!.AsObject();
        @case["WorkflowInstanceId"] = "forged";
        @case["workflowInstanceId"] = "forged";

        var response = await _app.CreateCxmClient().PostAsync("/workflows/cases/noise-complaint", new StringContent(@case.ToJsonString(), Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        answer["status"]!.GetValue<string>().ShouldBe("accepted");
        answer["caseReference"]!.GetValue<string>().ShouldBe("101004567890");
        answer["workflowInstanceId"]!.GetValue<string>().ShouldBe(response.Headers.GetValues("x-elsa-workflow-instance-id").Single());
    }

    /// <summary>
    /// Every value of each sample workflow, in turn, replaced by null, [], {}, a string, a number, [null] and {"a":null}
    /// (the systematic twin of the fuzz suite: it found null variables and a null HTTP method): imported, never a 5xx.
    /// </summary>
    [Theory]
    [InlineData("noise-complaint.json")]
    [InlineData("hello-world.json")]
    public async Task Import_EveryValueOfASampleReplacedByAnOddOne_IsNeverA5xx(string sample)
    {
        var original = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "workflows", sample)))!;
        var paths = new List<JsonNode>();
        void Collect(JsonNode? node)
        {
            if (node is null) return;
            if (node.Parent is not null) paths.Add(node);
            if (node is JsonObject obj) foreach (var (_, child) in obj) Collect(child);
            if (node is JsonArray array) foreach (var child in array) Collect(child);
        }
        Collect(original);
        var failures = new List<string>();
        foreach (var path in paths.Select(p => p.GetPath()).Distinct())
        foreach (var odd in new[] { "null", "[]", "{}", "\"x\"", "1", "[null]", "{\"a\":null}" })
        {
            var copy = original.DeepClone();
            var node = FindByPath(copy, path)!;
            var replacement = JsonNode.Parse(odd);
            switch (node.Parent)
            {
                case JsonObject parent: parent[node.GetPropertyName()] = replacement; break;
                case JsonArray parent: parent[node.GetElementIndex()] = replacement; break;
            }
            var response = await _admin.PostAsync($"{Api}/workflow-definitions/import", new StringContent(copy.ToJsonString(), Encoding.UTF8, "application/json"));
            if ((int)response.StatusCode >= 500) failures.Add($"{path} = {odd}: {(int)response.StatusCode}");
        }
        paths.Count.ShouldBeGreaterThan(20);
        failures.ShouldBeEmpty();
    }

    private static JsonNode? FindByPath(JsonNode root, string path)
    {
        JsonNode? found = null;
        void Walk(JsonNode? node)
        {
            if (node is null || found is not null) return;
            if (node.GetPath() == path) { found = node; return; }
            if (node is JsonObject obj) foreach (var (_, child) in obj) Walk(child);
            if (node is JsonArray array) foreach (var child in array) Walk(child);
        }
        Walk(root);
        return found;
    }

    private static string RepositoryRoot()
    {
        var directory = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(directory, "ElsaM3.sln"))) directory = Path.GetDirectoryName(directory)!;
        return directory;
    }
}

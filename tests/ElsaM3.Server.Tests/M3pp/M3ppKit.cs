using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaM3.Server.Tests.Support;
using ElsaM3.Simulators;

namespace ElsaM3.Server.Tests.M3pp;

/// <summary>Drives the M3 integration end to end: cases into the CXM simulator, cases through the sample workflows, records out of both simulators.</summary>
public sealed class M3ppKit : IAsyncDisposable
{
    public const string ApiKey = SimulatorOptions.DevelopmentApiKey;
    /// <summary>The repository's root folder (where <c>ElsaM3.sln</c> is).</summary>
    public static readonly string Root = FindRoot();

    private M3ppKit(ElsaM3Application app, HttpClient admin)
    {
        App = app;
        Admin = admin;
        Simulator = app.CreateClient();
        Simulator.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    public ElsaM3Application App { get; }
    public HttpClient Admin { get; }
    public HttpClient Simulator { get; }

    /// <summary>A server with the sample workflows, short retry delays and a short call timeout.</summary>
    public static async Task<M3ppKit> StartAsync(IDictionary<string, string?>? settings = null, string? dataDirectory = null,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["ElsaM3:Samples:Directory"] = Path.Combine(Root, "workflows"),
            ["ElsaM3:M3pp:Retry:Delays:0"] = "00:00:00.020",
            ["ElsaM3:M3pp:Timeout"] = "00:00:05",
            ["ElsaM3:Simulators:FaultTimeout"] = "00:00:03",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var app = new ElsaM3Application(dataDirectory, all, services);
        return new M3ppKit(app, await app.CreateAdminClientAsync());
    }

    /// <summary>A worked-example case from <c>workflows/cases</c>.</summary>
    public static JsonObject SampleCase(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "workflows", "cases", name + ".json")))!.AsObject();

    /// <summary>A sample workflow's JSON, e.g. to publish a variant of it.</summary>
    public static JsonObject SampleWorkflow(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "workflows", name + ".json")))!.AsObject();

    /// <summary>Publishes a variant of a sample workflow under a new id and path.</summary>
    public async Task PublishVariantAsync(string sample, string id, Action<JsonObject> change)
    {
        var workflow = SampleWorkflow(sample);
        workflow["id"] = id + "-v1";
        workflow["definitionId"] = id;
        var activities = workflow["root"]!["activities"]!.AsArray();
        activities.First(a => a!["id"]!.GetValue<string>() == "endpoint")!["path"]!["expression"]!["value"] = "cases/" + id;
        foreach (var activity in activities) change(activity!.AsObject());
        await Admin.PublishAsync(workflow.ToJsonString());
    }

    /// <summary>Stores the case in the CXM simulator (as CXM holds it), then posts it to the workflow; returns the instance id.</summary>
    public async Task<string> SendCaseAsync(string path, JsonObject @case)
    {
        var reference = @case["reference"]!.GetValue<string>();
        (await Simulator.PutAsJsonAsync($"/simulators/cxm/api/v1/cases/{reference}", @case)).EnsureSuccessStatusCode();
        var response = await App.CreateCxmClient().PostAsJsonAsync($"/workflows/cases/{path}", @case);
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(202, body);
        return response.Headers.GetValues("x-elsa-workflow-instance-id").Single();
    }

    public Task<JsonObject> WaitForAsync(string instanceId, string subStatus = "Finished") => Admin.WaitForAsync(instanceId, subStatus, TimeSpan.FromSeconds(30));

    public async Task<JsonObject> CaseAsync(string reference) => await Simulator.GetJsonAsync($"/simulators/cxm/api/v1/cases/{reference}");

    public async Task<JsonArray> WorksheetsForAsync(string caseReference) =>
        (await Simulator.GetJsonAsync($"/simulators/m3pp/api/v1/worksheets?externalReference={caseReference}"))["items"]!.AsArray();

    public async Task<JsonObject> AssetAsync(string key) => await Simulator.GetJsonAsync($"/simulators/m3pp/api/v1/assets/{key}");

    public static string? Attribute(JsonObject asset, string code) =>
        asset["attributes"]!.AsArray().FirstOrDefault(a => a!["code"]!.GetValue<string>() == code)?["value"]?.GetValue<string>();

    /// <summary>Arms a fault in a simulator (<c>m3pp</c> or <c>cxm</c>).</summary>
    public async Task FaultAsync(string simulator, object fault) =>
        (await Simulator.PostAsJsonAsync($"/simulators/{simulator}/_control/faults", fault)).EnsureSuccessStatusCode();

    public async Task<long> InjectedFaultsAsync(string simulator) =>
        (await Simulator.GetJsonAsync($"/simulators/{simulator}/_control/faults"))["injected"]!.GetValue<long>();

    /// <summary>The integration log entries of one case, oldest first.</summary>
    public async Task<JsonObject[]> LogAsync(string caseReference) =>
        (await Admin.GetJsonAsync($"/api/integration-log?caseReference={caseReference}&pageSize=500"))["items"]!.AsArray()
            .Select(i => i!.AsObject()).Reverse().ToArray();

    /// <summary>Polls the integration log until <paramref name="predicate"/> holds for the case's entries.</summary>
    public async Task<JsonObject[]> WaitForLogAsync(string caseReference, Func<JsonObject[], bool> predicate)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var log = await LogAsync(caseReference);
            if (predicate(log)) return log;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The integration log never matched: " + string.Join(" | ", log.Select(e => e.ToJsonString())));
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();

    private static string FindRoot()
    {
        var directory = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(directory, "ElsaM3.sln"))) directory = Path.GetDirectoryName(directory)!;
        return directory;
    }
}

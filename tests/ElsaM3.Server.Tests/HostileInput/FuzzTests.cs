using System.Net.Http.Headers;
using System.Text;
using ElsaM3.Server.Tests.HostileInput.Fuzzing;
using ElsaM3.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using static ElsaM3.Server.Tests.Support.Workflows;

namespace ElsaM3.Server.Tests.HostileInput;

/// <summary>
/// Seeded hostile inputs across the trigger, definition save/import, instance, settings and sign-in routes: none may
/// answer 5xx, none may leave an unhandled exception in the log, and a refused one may change nothing stored.
/// <c>ELSAM3_FUZZ_INPUTS</c> sets how many (default 10,000), <c>ELSAM3_FUZZ_SEED</c> replays a run; <c>bench/fuzz.sh</c> runs the long one.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ErrorLogCollector _errors = new();
    private ElsaM3Application _app = null!;
    private HttpClient _admin = null!;
    private HttpClient _anonymous = null!;
    private StoreFingerprint _store = null!;

    public async Task InitializeAsync()
    {
        _app = new ElsaM3Application(
            settings: new Dictionary<string, string?>
            {
                ["ElsaM3:Http:MaxRequestBodyBytes"] = "262144",
                ["ElsaM3:Identity:SignIn:PermitPerClientPerMinute"] = "1000000",
                ["Logging:LogLevel:Default"] = "Error",
            },
            services: s => s.AddSingleton<ILoggerProvider>(_errors));
        _admin = await _app.CreateAdminClientAsync();
        _anonymous = _app.CreateClient();
        await _admin.PublishAsync(HttpWorkflow("fuzz-echo", "fuzz/{kind}", "POST", Respond("r", "{{ Variables.Body | json }}"), Connect("ep", "r")));
        _store = new StoreFingerprint(Path.Combine(_app.DataDirectory, "elsam3.db"));
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        await _app.DisposeAsync();
    }

    private static string Root()
    {
        var directory = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(directory, "ElsaM3.sln"))) directory = Path.GetDirectoryName(directory)!;
        return directory;
    }

    [Fact]
    public async Task HostileInputs_NeverGet5xx_NeverLeaveAnUnhandledException_AndRefusedOnesChangeNothing()
    {
        var inputs = int.TryParse(Environment.GetEnvironmentVariable("ELSAM3_FUZZ_INPUTS"), out var n) ? n : 10_000;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("ELSAM3_FUZZ_SEED"), out var s) ? s : Random.Shared.Next();
        output.WriteLine($"Fuzz seed {seed}, {inputs} inputs (replay: ELSAM3_FUZZ_SEED={seed} ELSAM3_FUZZ_INPUTS={inputs})");
        Console.WriteLine($"Fuzz seed {seed}, {inputs} inputs");

        var generator = new HostileInputGenerator(seed);
        var root = Root();
        var cases = Directory.GetFiles(Path.Combine(root, "workflows", "cases"), "*.json").Select(File.ReadAllText).ToArray();
        var definitions = Directory.GetFiles(Path.Combine(root, "workflows"), "*.json").Select(File.ReadAllText).ToArray();
        var seeds = new FuzzSeeds(cases, definitions);
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();

        for (var i = 0; i < inputs && failures.Count < 20; i++)
        {
            var (request, description) = seeds.Next(generator);
            var before = await _store.TakeAsync();
            var client = request.Headers.Authorization is null && !request.RequestUri!.OriginalString.StartsWith("/workflows", StringComparison.Ordinal) && generator.Chance(0.9)
                ? _admin : _anonymous;
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request);
            }
            catch (Exception e)
            {
                failures.Add($"#{i} {description}: the request failed: {e.GetType().Name}: {e.Message}");
                continue;
            }
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500)
                failures.Add($"#{i} {description}: {status} {Shorten(await response.Content.ReadAsStringAsync())}");
            else if (status >= 400 && await _store.TakeAsync() is var after && after != before)
                failures.Add($"#{i} {description}: refused with {status} but the store changed ({before} -> {after})");
        }

        output.WriteLine("Answers: " + string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => $"{p.Key} × {p.Value}")));
        var unhandled = _errors.Errors.ToList();
        failures.AddRange(unhandled.Take(20).Select(e => "log: " + e));
        failures.ShouldBeEmpty($"seed {seed}: replay with ELSAM3_FUZZ_SEED={seed} ELSAM3_FUZZ_INPUTS={inputs}");
        statuses.Where(p => p.Key < 300).Sum(p => p.Value).ShouldBeGreaterThan(0, "some inputs must still be accepted, or the mutations test nothing but the parser");
        statuses.Where(p => p.Key >= 400).Sum(p => p.Value).ShouldBeGreaterThan(inputs / 10);
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}

/// <summary>The valid inputs the generator mutates, and which route each goes to.</summary>
internal sealed class FuzzSeeds(string[] cases, string[] definitions)
{
    private const string Api = ApiClient.Api;

    private static readonly string[] SettingsBodies =
    [
        """{"enabled":true,"externalReferenceField":"EXTREF","timeoutSeconds":20}""",
        """{"enabled":false}""",
        """{"hubisBaseUrl":"/simulators/m3pp","hubisApiKey":"elsam3-simulator-development-api-key"}""",
    ];

    private static readonly string[] InstanceBodies =
    [
        """{"page":0,"pageSize":10,"statuses":["Running"],"searchTerm":"x","orderBy":"Created","orderDirection":"Descending"}""",
        """{"ids":["a","b"],"workflowDefinitionIds":["noise-complaint"]}""",
        """{"workflowInstanceIds":["a"],"activityIds":["b"]}""",
        """{"variables":[{"id":"v","value":{"a":[1,2]}}]}""",
    ];

    public (HttpRequestMessage Request, string Description) Next(HostileInputGenerator g)
    {
        var kind = g.Next(100);
        var (method, url, seed) = kind switch
        {
            < 30 => (HttpMethod.Post, "/workflows/fuzz/" + (g.Chance(0.1) ? g.OddSegment() : "case"), g.Pick(cases)),
            < 35 => (HttpMethod.Post, "/workflows/cases/noise-complaint", g.Pick(cases)),
            < 40 => (g.Pick([HttpMethod.Get, HttpMethod.Delete, HttpMethod.Put, HttpMethod.Patch]), "/workflows/" + g.OddSegment() + "?name=" + Uri.EscapeDataString(g.OddSegment()), ""),
            < 55 => (HttpMethod.Post, $"{Api}/workflow-definitions", "{\"model\":" + g.Pick(definitions) + ",\"publish\":" + (g.Chance(0.5) ? "true" : "false") + "}"),
            < 65 => (HttpMethod.Post, $"{Api}/workflow-definitions/import", g.Pick(definitions)),
            < 72 => (HttpMethod.Post, $"{Api}/workflow-instances", InstanceBodies[0]),
            < 77 => (HttpMethod.Post, $"{Api}/bulk-actions/cancel/workflow-instances", InstanceBodies[1]),
            < 80 => (HttpMethod.Post, $"{Api}/bulk-actions/delete/workflow-instances/by-id", InstanceBodies[1]),
            < 84 => (HttpMethod.Post, $"{Api}/alterations/workflows/retry", InstanceBodies[2]),
            < 86 => (HttpMethod.Post, $"{Api}/workflow-instances/{Uri.EscapeDataString(g.OddSegment())}/variables", InstanceBodies[3]),
            < 90 => (HttpMethod.Get, $"{Api}/workflow-instances/{Uri.EscapeDataString(g.OddSegment())}/journal?skip={g.Pick(["-1", "x", "99999999999"])}", ""),
            < 96 => (HttpMethod.Put, "/api/settings/m3pp", g.Pick(SettingsBodies)),
            _ => (HttpMethod.Post, $"{Api}/identity/login", """{"username":"nobody","password":"wrong"}"""),
        };
        var request = new HttpRequestMessage(method, url);
        var contentType = g.Chance(0.8) ? "application/json" : g.OddContentType();
        byte[] body = [];
        if (seed.Length > 0 || g.Chance(0.3))
        {
            body = g.Chance(0.85) ? g.Mutate(seed) : Encoding.UTF8.GetBytes(seed);
            var content = new ByteArrayContent(body);
            if (contentType.Length > 0) content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            request.Content = content;
            if (g.Chance(0.1)) request.Headers.TransferEncodingChunked = true;
        }
        foreach (var (name, value) in g.OddHeaders())
            if (name == "Authorization") request.Headers.Authorization = AuthenticationHeaderValue.TryParse(value, out var auth) ? auth : null;
            else request.Headers.TryAddWithoutValidation(name, value);
        var shown = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200));
        return (request, $"{method} {url[..Math.Min(url.Length, 120)]} [{contentType}] {shown.Replace("\n", "\\n")}");
    }
}

using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaM3.ChaosRun;

// Chaos run (issue 6): N cases through the noise-complaint sample while a fraction of M3 calls fail transiently and the
// server is killed (SIGKILL) and restarted at random moments. Every case must end with exactly one worksheet in the
// M3 simulator and its reference (and the pulled-back officer) on the CXM case.
//
//   dotnet run -c Release --project bench/ElsaM3.ChaosRun -- [cases=1000] [faultRate=0.2] [kills=3] [seed]
//       [--nodes 2 --provider postgres [--connection "Host=…"]]
//
// With --nodes 2 --provider postgres (issue 17) the nodes share one PostgreSQL database (started here from Debian's
// packages unless --connection names one), cases are posted to them in turn and a node chosen at random is killed.
//
// The two-way benchmark (issue 16) and the M3 path benchmark (issue 14) share the server harness:
//
//   dotnet run -c Release --project bench/ElsaM3.ChaosRun -- two-way [watchers=10000] [changes=1000] [server arguments...]
//
//   dotnet run -c Release --project bench/ElsaM3.ChaosRun -- m3-path [cases=2000] [concurrency=16] [server arguments...]

if (args.FirstOrDefault() == "two-way")
{
    var benchRoot = FindRoot();
    return await TwoWayBench.RunAsync(benchRoot, ServerDll(benchRoot),
        args.Length > 1 ? int.Parse(args[1]) : 10_000, args.Length > 2 ? int.Parse(args[2]) : 1_000, args.Skip(3).ToArray());
}

if (args.FirstOrDefault() == "m3-path")
{
    var benchRoot = FindRoot();
    return await M3PathBench.RunAsync(benchRoot, ServerDll(benchRoot),
        args.Length > 1 ? int.Parse(args[1]) : 2000, args.Length > 2 ? int.Parse(args[2]) : 16, args.Skip(3).ToArray());
}

var options = ChaosOptions.Parse(args);
var cases = options.Cases;
var faultRate = options.FaultRate;
var kills = options.Kills;
var random = options.Seed is { } seed ? new Random(seed) : new Random();
const string ApiKey = "elsam3-simulator-development-api-key";
const string Password = "chaos-password";
const string CxmKey = "cxm_chaos-run-key-0123456789abcdefghijklmnop";

var root = FindRoot();
var serverDll = ServerDll(root);
if (!File.Exists(serverDll)) throw new FileNotFoundException("Build the server first: dotnet build -c Release src/ElsaM3.Server", serverDll);
var data = Path.Combine(Path.GetTempPath(), "elsam3-chaos", Guid.NewGuid().ToString("N"));
string[] common =
[
    $"--ElsaM3:Identity:AdminPassword={Password}", $"--ElsaM3:Identity:CxmApiKey={CxmKey}",
    "--ElsaM3:M3pp:Retry:Delays:0=00:00:00.200", "--ElsaM3:M3pp:Retry:Delays:1=00:00:00.500", "--ElsaM3:M3pp:Retry:Delays:2=00:00:01",
    "--ElsaM3:Scheduling:PollInterval=00:00:00.100", "--ElsaM3:M3pp:Timeout=00:00:10",
];

// One node on SQLite calls its own embedded simulators. Several nodes share one PostgreSQL database (started here
// unless --connection names one) and call the simulators of a separate host that is never killed, as they would a
// council's M3 and CXM.
await using var postgres = options.OnPostgres && options.Connection is null ? new ElsaM3.Testing.TemporaryPostgres() : null;
ServerUnderTest? simulatorHost = null;
var nodes = new List<ServerUnderTest>();
if (options.Nodes == 1 && !options.OnPostgres)
    nodes.Add(new ServerUnderTest(serverDll, data, ServerUnderTest.FreePort(), common));
else
{
    if (postgres is not null) await postgres.StartAsync();
    var connection = options.Connection ?? await postgres!.CreateDatabaseAsync(poolSize: 100);
    simulatorHost = new ServerUnderTest(serverDll, Path.Combine(data, "simulators"), ServerUnderTest.FreePort(), common);
    var simulators = simulatorHost.Address.ToString().TrimEnd('/');
    for (var n = 1; n <= options.Nodes; n++)
        nodes.Add(new ServerUnderTest(serverDll, Path.Combine(data, $"node-{n}"), ServerUnderTest.FreePort(),
        [
            .. common, "--ElsaM3:Storage:Provider=PostgreSql", $"--ConnectionStrings:ElsaM3={connection}", $"--ElsaM3:Node:Name=node-{n}",
            "--ElsaM3:Simulators:Enabled=false",
            $"--ElsaM3:M3pp:HubisBaseUrl={simulators}/simulators/m3pp", $"--ElsaM3:M3pp:HubisApiKey={ApiKey}",
            $"--ElsaM3:M3pp:CxmBaseUrl={simulators}/simulators/cxm", $"--ElsaM3:M3pp:CxmApiKey={ApiKey}",
        ]));
}
var simulatorAddress = (simulatorHost ?? nodes[0]).Address;
using var http = new HttpClient { BaseAddress = simulatorAddress, Timeout = TimeSpan.FromSeconds(30) };
http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey); // the simulators' key
var posting = nodes.Select(node =>
{
    var client = new HttpClient { BaseAddress = node.Address, Timeout = TimeSpan.FromSeconds(30) };
    client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("ApiKey", CxmKey); // the M3 samples' credential
    return client;
}).ToList();
var template = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(root, "workflows", "cases", "noise-complaint.json")))!.AsObject();
var references = Enumerable.Range(1, cases).Select(n => $"CHAOS-{n:D5}").ToList();
long injected = 0;

Console.WriteLine($"Chaos run: {cases} cases, {faultRate:P0} of M3 calls failing transiently, {kills} kills, " +
    $"{options.Nodes} node(s) on {(options.OnPostgres ? "PostgreSQL" : "SQLite")}; data in {data}");
var clock = Stopwatch.StartNew();
if (simulatorHost is not null) await simulatorHost.StartAsync(default);
// The first node prepares the database; the others start together once it has.
await nodes[0].StartAsync(default);
await Task.WhenAll(nodes.Skip(1).Select(n => n.StartAsync(default)));
await ArmFaultsAsync();
foreach (var reference in references)
{
    var @case = template.DeepClone().AsObject();
    @case["reference"] = reference;
    (await http.PutAsJsonAsync($"/simulators/cxm/api/v1/cases/{reference}", @case)).EnsureSuccessStatusCode();
}

// Kill points: all but the last while cases are still arriving, the last while the background retries drain.
var killAt = Enumerable.Range(0, Math.Max(0, kills - 1)).Select(_ => random.Next(cases / 10, cases * 9 / 10)).Order().ToList();
var accepted = 0;
var posted = 0;
var restarting = new SemaphoreSlim(1, 1);
// With one node every post waits while it restarts; with several the others take the posts.
var gate = new ManualResetEventSlim(true);
var killsDone = 0;

// Reads JSON from the simulators, retrying while their host is restarting (it answers 503 until its start-up work is done).
async Task<JsonObject> GetJsonAsync(string url)
{
    for (var attempt = 1; ; attempt++)
    {
        try
        {
            using var response = await http.GetAsync(url);
            if (response.IsSuccessStatusCode) return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            if (attempt >= 300) response.EnsureSuccessStatusCode();
        }
        catch (HttpRequestException) when (attempt < 300) { }
        await Task.Delay(200);
    }
}

async Task ArmFaultsAsync() =>
    (await http.PostAsJsonAsync("/simulators/m3pp/_control/faults", new { kind = "transient-503", rate = faultRate })).EnsureSuccessStatusCode();

async Task KillAndRestartAsync(string when)
{
    await restarting.WaitAsync();
    try
    {
        var victim = random.Next(nodes.Count);
        var embedded = simulatorHost is null;
        if (embedded)
        {
            gate.Reset();
            try { injected += (await GetJsonAsync("/simulators/m3pp/_control/faults"))["injected"]!.GetValue<long>(); } catch (HttpRequestException) { }
        }
        await nodes[victim].KillAsync();
        killsDone++;
        Console.WriteLine($"  {clock.Elapsed.TotalSeconds,6:0.0} s  kill {killsDone} of node {victim + 1} ({when}); restarting");
        await nodes[victim].StartAsync(default);
        if (embedded)
        {
            await ArmFaultsAsync();
            gate.Set();
        }
    }
    finally
    {
        restarting.Release();
    }
}

await Parallel.ForEachAsync(references, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (reference, ct) =>
{
    var @case = template.DeepClone().AsObject();
    @case["reference"] = reference;
    // Round robin over the nodes, as a load balancer would; a post a node cannot take goes to the next one.
    var next = Interlocked.Increment(ref posted);
    while (true)
    {
        gate.Wait(ct);
        try
        {
            using var response = await posting[next++ % posting.Count].PostAsJsonAsync("/workflows/cases/noise-complaint", @case, ct);
            if ((int)response.StatusCode == 202) break;
        }
        catch (HttpRequestException) { }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
        await Task.Delay(posting.Count > 1 ? 20 : 200, ct);
    }
    var count = Interlocked.Increment(ref accepted);
    if (killAt.Count > 0 && count == killAt[0])
    {
        killAt.RemoveAt(0);
        await KillAndRestartAsync($"after {count} cases accepted");
    }
});
Console.WriteLine($"  {clock.Elapsed.TotalSeconds,6:0.0} s  all {cases} cases accepted");
if (killsDone < kills)
{
    await Task.Delay(random.Next(500, 3000));
    await KillAndRestartAsync("while retries drain");
}

// Wait until every case has its worksheet reference and pulled-back officer, or give up after 15 minutes.
var deadline = DateTime.UtcNow.AddMinutes(15);
Dictionary<string, JsonObject> finalCases;
while (true)
{
    finalCases = (await GetJsonAsync("/simulators/cxm/api/v1/cases"))["items"]!.AsArray()
        .Select(c => c!.AsObject()).Where(c => c["reference"]!.GetValue<string>().StartsWith("CHAOS-", StringComparison.Ordinal))
        .ToDictionary(c => c["reference"]!.GetValue<string>());
    var done = finalCases.Values.Count(c => c["references"]?["m3-worksheet"] is not null && c["fields"]?["m3-officer"] is not null);
    if (done == cases || DateTime.UtcNow > deadline) break;
    await Task.Delay(1000);
}
var elapsed = clock.Elapsed;
injected += (await GetJsonAsync("/simulators/m3pp/_control/faults"))["injected"]!.GetValue<long>();

var worksheets = (await GetJsonAsync("/simulators/m3pp/api/v1/worksheets"))["items"]!.AsArray()
    .Select(w => w!.AsObject()).Where(w => w["externalReference"]?["value"]?.GetValue<string>().StartsWith("CHAOS-", StringComparison.Ordinal) == true)
    .GroupBy(w => w["externalReference"]!["value"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Select(w => w["reference"]!.GetValue<string>()).ToList());
var complete = references.Count(r => worksheets.TryGetValue(r, out var list) && list.Count == 1
    && finalCases[r]["references"]?["m3-worksheet"]?.GetValue<string>() == list[0] && finalCases[r]["fields"]?["m3-officer"] is not null);
var duplicates = worksheets.Values.Count(list => list.Count > 1);
var lost = references.Count(r => !worksheets.ContainsKey(r) || finalCases[r]["references"]?["m3-worksheet"] is null);

foreach (var node in nodes) await node.DisposeAsync();
if (simulatorHost is not null) await simulatorHost.DisposeAsync();
Console.WriteLine();
Console.WriteLine($"| cases | nodes | store | complete | duplicates | lost | kills | M3 faults injected | time |");
Console.WriteLine($"| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
Console.WriteLine($"| {cases} | {options.Nodes} | {(options.OnPostgres ? "PostgreSQL" : "SQLite")} | {complete} | {duplicates} | {lost} | {killsDone} | {injected} | {elapsed.TotalSeconds:0.0} s |");
return complete == cases && duplicates == 0 && lost == 0 ? 0 : 1;

// The server built in the same configuration as this tool (Release for measurements).
static string ServerDll(string root) => Path.Combine(root, "src", "ElsaM3.Server", "bin",
    AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release", "net10.0", "ElsaM3.Server.dll");

static string FindRoot()
{
    var directory = AppContext.BaseDirectory;
    while (!File.Exists(Path.Combine(directory, "ElsaM3.sln"))) directory = Path.GetDirectoryName(directory)!;
    return directory;
}

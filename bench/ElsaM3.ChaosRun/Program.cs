using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaM3.ChaosRun;

// Chaos run (issue 6): N cases through the noise-complaint sample while a fraction of M3 calls fail transiently and the
// server is killed (SIGKILL) and restarted at random moments. Every case must end with exactly one worksheet in the
// M3 simulator and its reference (and the pulled-back officer) on the CXM case.
//
//   dotnet run -c Release --project bench/ElsaM3.ChaosRun -- [cases=1000] [faultRate=0.2] [kills=3] [seed]
//
// The two-way benchmark (issue 16) and the M3 path benchmark (issue 14) share the server harness:
//
//   dotnet run -c Release --project bench/ElsaM3.ChaosRun -- two-way [watchers=10000] [changes=1000] [server arguments...]
//
//   dotnet run -c Release --project bench/ElsaM3.ChaosRun -- m3-path [cases=2000] [concurrency=16] [server arguments...]

if (args.FirstOrDefault() == "two-way")
{
    var benchRoot = FindRoot();
    return await TwoWayBench.RunAsync(benchRoot, Path.Combine(benchRoot, "src", "ElsaM3.Server", "bin", "Release", "net10.0", "ElsaM3.Server.dll"),
        args.Length > 1 ? int.Parse(args[1]) : 10_000, args.Length > 2 ? int.Parse(args[2]) : 1_000, args.Skip(3).ToArray());
}

if (args.FirstOrDefault() == "m3-path")
{
    var benchRoot = FindRoot();
    return await M3PathBench.RunAsync(benchRoot, Path.Combine(benchRoot, "src", "ElsaM3.Server", "bin", "Release", "net10.0", "ElsaM3.Server.dll"),
        args.Length > 1 ? int.Parse(args[1]) : 2000, args.Length > 2 ? int.Parse(args[2]) : 16, args.Skip(3).ToArray());
}

var cases = args.Length > 0 ? int.Parse(args[0]) : 1000;
var faultRate = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 0.2;
var kills = args.Length > 2 ? int.Parse(args[2]) : 3;
var random = args.Length > 3 ? new Random(int.Parse(args[3])) : new Random();
const string ApiKey = "elsam3-simulator-development-api-key";
const string Password = "chaos-password";
const string CxmKey = "cxm_chaos-run-key-0123456789abcdefghijklmnop";

var root = FindRoot();
var serverDll = Path.Combine(root, "src", "ElsaM3.Server", "bin", "Release", "net10.0", "ElsaM3.Server.dll");
if (!File.Exists(serverDll)) throw new FileNotFoundException("Build the server first: dotnet build -c Release src/ElsaM3.Server", serverDll);
var data = Path.Combine(Path.GetTempPath(), "elsam3-chaos", Guid.NewGuid().ToString("N"));
await using var server = new ServerUnderTest(serverDll, data, ServerUnderTest.FreePort(),
[
    $"--ElsaM3:Identity:AdminPassword={Password}", $"--ElsaM3:Identity:CxmApiKey={CxmKey}",
    "--ElsaM3:M3pp:Retry:Delays:0=00:00:00.200", "--ElsaM3:M3pp:Retry:Delays:1=00:00:00.500", "--ElsaM3:M3pp:Retry:Delays:2=00:00:01",
    "--ElsaM3:Scheduling:PollInterval=00:00:00.100", "--ElsaM3:M3pp:Timeout=00:00:10",
]);
using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey); // the simulators' key
http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("ApiKey", CxmKey); // the M3 samples' credential
var template = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(root, "workflows", "cases", "noise-complaint.json")))!.AsObject();
var references = Enumerable.Range(1, cases).Select(n => $"CHAOS-{n:D5}").ToList();
long injected = 0;

Console.WriteLine($"Chaos run: {cases} cases, {faultRate:P0} of M3 calls failing transiently, {kills} kills; data in {data}");
var clock = Stopwatch.StartNew();
await server.StartAsync(default);
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
var restarting = new SemaphoreSlim(1, 1);
var gate = new ManualResetEventSlim(true);
var killsDone = 0;

// Reads JSON, retrying while the server is restarting (it answers 503 until its start-up work is done).
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
        gate.Reset();
        try { injected += (await GetJsonAsync("/simulators/m3pp/_control/faults"))["injected"]!.GetValue<long>(); } catch (HttpRequestException) { }
        await server.KillAsync();
        killsDone++;
        Console.WriteLine($"  {clock.Elapsed.TotalSeconds,6:0.0} s  kill {killsDone} ({when}); restarting");
        await server.StartAsync(default);
        await ArmFaultsAsync();
        gate.Set();
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
    while (true)
    {
        gate.Wait(ct);
        try
        {
            using var response = await http.PostAsJsonAsync("/workflows/cases/noise-complaint", @case, ct);
            if ((int)response.StatusCode == 202) break;
        }
        catch (HttpRequestException) { }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
        await Task.Delay(200, ct);
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

Console.WriteLine();
Console.WriteLine($"| cases | complete | duplicates | lost | kills | M3 faults injected | time |");
Console.WriteLine($"| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
Console.WriteLine($"| {cases} | {complete} | {duplicates} | {lost} | {killsDone} | {injected} | {elapsed.TotalSeconds:0.0} s |");
return complete == cases && duplicates == 0 && lost == 0 ? 0 : 1;

static string FindRoot()
{
    var directory = AppContext.BaseDirectory;
    while (!File.Exists(Path.Combine(directory, "ElsaM3.sln"))) directory = Path.GetDirectoryName(directory)!;
    return directory;
}

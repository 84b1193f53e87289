using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ElsaM3.ChaosRun;

/// <summary>
/// The M3 path end to end (issue 14): noise cases posted at a fixed concurrency to the server with its embedded
/// simulators, until every CXM case carries its worksheet reference and pulled-back officer; next to the M3
/// simulator's own create-worksheet rate, measured in the same run and at the same concurrency.
/// </summary>
internal static class M3PathBench
{
    private const int WarmUpCases = 2000;

    public static async Task<int> RunAsync(string root, string serverDll, int cases, int concurrency, string[] serverArgs)
    {
        await using var session = await BenchSession.StartAsync(serverDll, "elsam3-m3-path", serverArgs);
        var (http, admin, data) = (session.Http, session.Admin, session.DataDirectory);
        var template = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(root, "workflows", "cases", "noise-complaint.json")))!.AsObject();

        Console.WriteLine($"M3 path: {cases} noise cases at concurrency {concurrency}; data in {data}");
        // Warm-up: JIT, connection pools and SQLite caches, through the whole path.
        await PostCasesAsync(http, template, Enumerable.Range(1, WarmUpCases).Select(n => $"WARM-{n:D5}").ToList(), concurrency);
        await WaitForPullBacksAsync(admin, WarmUpCases, TimeSpan.FromMinutes(2));

        var simulatorRate = await SimulatorRateAsync(http, cases, concurrency);
        Console.WriteLine($"  M3 simulator alone: {simulatorRate:0} create-worksheet calls/s");

        var references = Enumerable.Range(1, cases).Select(n => $"M3PATH-{n:D5}").ToList();
        var posted = await PostCasesAsync(http, template, references, concurrency);
        await WaitForPullBacksAsync(admin, WarmUpCases + cases, TimeSpan.FromMinutes(10));

        var created = await SuccessTimesAsync(admin, "CreateWorksheet");
        var pulled = await SuccessTimesAsync(admin, "PullBackWorksheet");
        var firstPost = posted.Values.Min();
        var lastPull = references.Max(r => pulled[r]);
        var latencies = references.Select(r => (created[r] - posted[r]).TotalMilliseconds).Order().ToList();
        var seconds = (lastPull - firstPost).TotalSeconds;
        var rate = cases / seconds;

        var cxm = (await http.GetFromJsonAsync<JsonObject>("/simulators/cxm/api/v1/cases"))!["items"]!.AsArray()
            .Select(c => c!.AsObject()).Where(c => c["reference"]!.GetValue<string>().StartsWith("M3PATH-", StringComparison.Ordinal)).ToList();
        var complete = cxm.Count(c => c["references"]?["m3-worksheet"] is not null && c["fields"]?["m3-officer"] is not null);

        Console.WriteLine();
        Console.WriteLine("| cases | complete | time | cases/s | simulator calls/s | ratio | trigger → worksheet p50 | p99 |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {cases} | {complete} | {seconds:0.0} s | {rate:0} | {simulatorRate:0} | {rate / simulatorRate:P1} | {Percentile(latencies, 0.50):0} ms | {Percentile(latencies, 0.99):0} ms |"));
        return complete == cases ? 0 : 1;
    }

    /// <summary>Puts the cases into the CXM simulator, then posts them to the rule; returns when each post started.</summary>
    internal static async Task<Dictionary<string, DateTimeOffset>> PostCasesAsync(HttpClient http, JsonObject template, List<string> references, int concurrency,
        string rule = "noise-complaint")
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency };
        await Parallel.ForEachAsync(references, options, async (reference, ct) =>
            (await http.PutAsJsonAsync($"/simulators/cxm/api/v1/cases/{reference}", Case(template, reference), ct)).EnsureSuccessStatusCode());
        var started = new System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset>();
        await Parallel.ForEachAsync(references, options, async (reference, ct) =>
        {
            started[reference] = DateTimeOffset.UtcNow;
            using var response = await http.PostAsJsonAsync($"/workflows/cases/{rule}", Case(template, reference), ct);
            if ((int)response.StatusCode != 202) throw new InvalidOperationException($"{reference}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        });
        return new Dictionary<string, DateTimeOffset>(started);
    }

    private static JsonObject Case(JsonObject template, string reference)
    {
        var @case = template.DeepClone().AsObject();
        @case["reference"] = reference;
        return @case;
    }

    /// <summary>The simulator's own rate: create-worksheet calls straight to it, as many as there are cases, at the same concurrency.</summary>
    private static async Task<double> SimulatorRateAsync(HttpClient http, int calls, int concurrency)
    {
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(1, calls), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (n, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/simulators/m3pp/api/v1/worksheets")
            {
                Content = JsonContent.Create(new
                {
                    departmentCode = "EH", applicationCode = "CEH", taskGroupCode = "EPENQ", taskCode = "NOISE",
                    receivedDateTime = "2025-03-14T22:47:00", receivedMethod = "WEB",
                    subject = new { uprn = "100091234567" },
                    complainant = new { title = "Ms", forename = "Priya", surname = "Shah", email = "priya.shah@example.org", telephone = "07700 900123" },
                    description = "Loud amplified music and bass from neighbouring flat most nights 11pm-3am for 3 weeks.",
                    externalReference = new { fieldName = "EXTREF", value = $"DIRECT-{n:D5}" },
                    additionalFields = new Dictionary<string, string> { ["NOISETYPE"] = "MUSIC", ["ONGOING"] = "Y" },
                }),
            };
            request.Headers.Add("Idempotency-Key", $"direct-{n}");
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"simulator: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        });
        return calls / clock.Elapsed.TotalSeconds;
    }

    internal static async Task WaitForPullBacksAsync(HttpClient admin, int expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while ((await admin.GetFromJsonAsync<JsonObject>("/api/integration-log?operation=PullBackWorksheet&outcome=Success&pageSize=1"))!["totalCount"]!.GetValue<int>() < expected)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Fewer than {expected} cases pulled back in {timeout}.");
            await Task.Delay(100);
        }
    }

    /// <summary>When each case's operation succeeded, from the integration log.</summary>
    internal static async Task<Dictionary<string, DateTimeOffset>> SuccessTimesAsync(HttpClient admin, string operation)
    {
        var times = new Dictionary<string, DateTimeOffset>();
        for (var page = 0; ; page++)
        {
            var items = (await admin.GetFromJsonAsync<JsonObject>($"/api/integration-log?operation={operation}&outcome=Success&pageSize=500&page={page}"))!["items"]!.AsArray();
            foreach (var item in items) times[item!["caseReference"]!.GetValue<string>()] = item["timestamp"]!.GetValue<DateTimeOffset>();
            if (items.Count < 500) return times;
        }
    }

    internal static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

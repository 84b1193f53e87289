using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ElsaM3.ChaosRun;

/// <summary>
/// Two-way (issue 16): cases wait on their worksheets through the <c>noise-complaint-two-way</c> sample, then officers
/// allocate worksheets in the M3 simulator at a steady pace. Measured first with 100 waiting cases, then with
/// <c>watchers</c>: how many changes reach their CXM cases, the time from each change to its case's update (the Update
/// Case success in the integration log), and the change poller's own cost (its round-duration histogram from
/// <c>/metrics</c>): idle rounds, and rounds per change delivered.
/// </summary>
internal static class TwoWayBench
{
    private const int Baseline = 100;
    private const int ChangesPerSecond = 100;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public static async Task<int> RunAsync(string root, string serverDll, int watchers, int changes, string[] serverArgs)
    {
        await using var session = await BenchSession.StartAsync(serverDll, "elsam3-two-way", [$"--ElsaM3:M3pp:PollInterval={PollInterval}", .. serverArgs]);
        var (http, admin, data) = (session.Http, session.Admin, session.DataDirectory);
        var template = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(root, "workflows", "cases", "noise-complaint-two-way.json")))!.AsObject();
        Console.WriteLine($"Two-way: {Baseline} then {watchers} cases watching their worksheets, officer changes at {ChangesPerSecond}/s, poll interval {PollInterval.TotalMilliseconds} ms; data in {data}");

        List<string> results = [];
        var first = await WatchAsync(http, admin, template, Enumerable.Range(1, Baseline).Select(n => $"TW-{n:D5}").ToList(), 0);
        results.Add(await MeasureAsync(http, admin, first, Math.Min(Baseline, changes), Baseline));
        var more = await WatchAsync(http, admin, template, Enumerable.Range(Baseline + 1, watchers - Baseline).Select(n => $"TW-{n:D5}").ToList(), Baseline);
        results.Add(await MeasureAsync(http, admin, more, changes, watchers));

        Console.WriteLine();
        Console.WriteLine("| cases watching | officer changes | reached their case | change → case updated p50 | p99 | idle round | round time per change |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var line in results) Console.WriteLine(line);
        return results.All(r => !r.Contains("MISSING", StringComparison.Ordinal)) ? 0 : 1;
    }

    /// <summary>Posts the cases and waits until every one watches its worksheet; returns each case's worksheet reference.</summary>
    private static async Task<Dictionary<string, string>> WatchAsync(HttpClient http, HttpClient admin, JsonObject template, List<string> references, int before)
    {
        var clock = Stopwatch.StartNew();
        await M3PathBench.PostCasesAsync(http, template, references, 16, "noise-complaint-two-way");
        await M3PathBench.WaitForPullBacksAsync(admin, before + references.Count, TimeSpan.FromMinutes(20));
        // The watch starts in the same background run as the pull-back; give the last ones a moment to read their worksheet.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var worksheets = (await http.GetFromJsonAsync<JsonObject>("/simulators/cxm/api/v1/cases"))!["items"]!.AsArray()
            .Select(c => c!.AsObject()).Where(c => references.Contains(c["reference"]!.GetValue<string>()))
            .ToDictionary(c => c["reference"]!.GetValue<string>(), c => c["references"]!["m3-worksheet"]!.GetValue<string>());
        Console.WriteLine($"  {before + references.Count} cases watching ({references.Count} added in {clock.Elapsed.TotalSeconds:0} s)");
        return worksheets;
    }

    private static async Task<string> MeasureAsync(HttpClient http, HttpClient admin, Dictionary<string, string> worksheets, int changes, int watching)
    {
        // Idle: rounds that find nothing new, with this many cases watching.
        var idleBefore = await RoundsAsync(admin);
        await Task.Delay(TimeSpan.FromSeconds(10));
        var idleAfter = await RoundsAsync(admin);
        var idleRound = (idleAfter.Sum - idleBefore.Sum) / Math.Max(1, idleAfter.Count - idleBefore.Count);

        var chosen = worksheets.Take(changes).ToList();
        var changedAt = new Dictionary<string, DateTimeOffset>();
        var busyBefore = await RoundsAsync(admin);
        var pace = Stopwatch.StartNew();
        for (var i = 0; i < chosen.Count; i++)
        {
            var wait = TimeSpan.FromSeconds((double)i / ChangesPerSecond) - pace.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            var (reference, worksheet) = chosen[i];
            changedAt[reference] = DateTimeOffset.UtcNow;
            using var response = await http.PostAsJsonAsync($"/simulators/m3pp/_control/worksheets/change?reference={Uri.EscapeDataString(worksheet)}",
                new { status = "ALLOCATED", officer = "AKHAN" });
            response.EnsureSuccessStatusCode();
        }
        var deadline = DateTime.UtcNow.AddMinutes(5);
        Dictionary<string, DateTimeOffset> updated;
        while ((updated = await M3PathBench.SuccessTimesAsync(admin, "UpdateCase")).Keys.Count(changedAt.ContainsKey) < chosen.Count && DateTime.UtcNow < deadline)
            await Task.Delay(200);
        var busyAfter = await RoundsAsync(admin);
        var reached = changedAt.Keys.Count(updated.ContainsKey);
        var latencies = changedAt.Where(c => updated.ContainsKey(c.Key)).Select(c => (updated[c.Key] - c.Value).TotalMilliseconds).Order().ToList();
        var perChange = (busyAfter.Sum - busyBefore.Sum) / Math.Max(1, reached);
        return string.Create(CultureInfo.InvariantCulture,
            $"| {watching:N0} | {changes:N0} | {reached:N0}{(reached < changes ? " MISSING" : "")} | {M3PathBench.Percentile(latencies, 0.5):0} ms | {M3PathBench.Percentile(latencies, 0.99):0} ms | {idleRound:0.00} ms | {perChange:0.00} ms |");
    }

    /// <summary>The change poller's round-duration histogram: total milliseconds and rounds so far.</summary>
    private static async Task<(double Sum, long Count)> RoundsAsync(HttpClient admin)
    {
        var text = await admin.GetStringAsync("/metrics");
        double sum = 0;
        long count = 0;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("elsam3_m3_changes_round_duration_milliseconds_sum", StringComparison.Ordinal)) sum += double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            else if (line.StartsWith("elsam3_m3_changes_round_duration_milliseconds_count", StringComparison.Ordinal)) count += long.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
        }
        return (sum, count);
    }
}

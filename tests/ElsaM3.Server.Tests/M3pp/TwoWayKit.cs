using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaM3.M3pp.Activities.Activities;
using ElsaM3.M3pp.Activities.Changes;
using ElsaM3.Runtime.Instances;
using ElsaM3.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaM3.Server.Tests.M3pp;

/// <summary>The two-way sample driven end to end: a case through its HTTP trigger, an officer's changes through the M3 simulator's controls, the CXM case read back.</summary>
public static class TwoWayKit
{
    public const string Sample = "noise-complaint-two-way";

    /// <summary>How often the change poller runs in these tests.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public static Task<M3ppKit> StartAsync(string strategy = "FeedElsePoll", string? dataDirectory = null, IDictionary<string, string?>? more = null,
        Action<IServiceCollection>? services = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ElsaM3:M3pp:PollInterval"] = PollInterval.ToString(),
            ["ElsaM3:M3pp:ChangeStrategy"] = strategy,
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>()) settings[key] = value;
        return M3ppKit.StartAsync(settings, dataDirectory, services);
    }

    /// <summary>
    /// Publishes <c>cases/{id}</c>: the sample without its create, pull-back and first watch (a case that already holds its
    /// worksheet waits for its closure, then closes; a deletion adds a note). <paramref name="change"/> may alter each activity.
    /// </summary>
    public static async Task PublishWatchOnlyAsync(this M3ppKit kit, string id, Action<JsonObject>? change = null)
    {
        var workflow = M3ppKit.SampleWorkflow(Sample);
        workflow["id"] = id + "-v1";
        workflow["definitionId"] = id;
        var root = workflow["root"]!;
        var kept = new[] { "endpoint", "watchClosed", "closeCase", "noteDeleted" };
        var activities = new JsonArray(root["activities"]!.AsArray().Where(a => kept.Contains(a!["id"]!.GetValue<string>())).Select(a => a!.DeepClone()).ToArray());
        activities.First(a => a!["id"]!.GetValue<string>() == "endpoint")!["path"]!["expression"]!["value"] = "cases/" + id;
        foreach (var activity in activities) change?.Invoke(activity!.AsObject());
        root["activities"] = activities;
        root["connections"] = JsonNode.Parse("""
            [ { "source": { "activity": "endpoint", "port": "Done" }, "target": { "activity": "watchClosed", "port": "In" } },
              { "source": { "activity": "watchClosed", "port": "Changed" }, "target": { "activity": "closeCase", "port": "In" } },
              { "source": { "activity": "watchClosed", "port": "Deleted" }, "target": { "activity": "noteDeleted", "port": "In" } } ]
            """);
        await kit.Admin.PublishAsync(workflow.ToJsonString());
    }

    /// <summary>A copy of the sample's case that already holds <paramref name="worksheet"/> in its m3-worksheet Reference.</summary>
    public static JsonObject CaseWatching(string reference, string worksheet)
    {
        var @case = Case(reference);
        @case["references"] = new JsonObject { ["m3-worksheet"] = worksheet };
        return @case;
    }

    /// <summary>A copy of the sample's case under another reference.</summary>
    public static JsonObject Case(string reference)
    {
        var @case = M3ppKit.SampleCase(Sample);
        @case["reference"] = reference;
        return @case;
    }

    /// <summary>Sends the case and waits until its workflow watches the worksheet it raised; returns the instance id and the worksheet reference.</summary>
    public static async Task<(string InstanceId, string Worksheet)> StartWatchingAsync(this M3ppKit kit, string caseReference, string path = Sample)
    {
        var instanceId = await kit.SendCaseAsync(path, Case(caseReference));
        await kit.WaitForWatchAsync(instanceId);
        var worksheet = (await kit.CaseAsync(caseReference))["references"]!["m3-worksheet"]!.GetValue<string>();
        return (instanceId, worksheet);
    }

    /// <summary>Waits until the instance waits on a watch that has read its record.</summary>
    public static Task WaitForWatchAsync(this M3ppKit kit, string instanceId) =>
        WaitForWatchAsync(kit.App.Services.GetRequiredService<IWorkflowInstanceStore>(), instanceId);

    /// <summary>Waits until the instance, as <paramref name="store"/> holds it, waits on a watch that has read its record.</summary>
    public static async Task WaitForWatchAsync(IWorkflowInstanceStore store, string instanceId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var bookmarks = (await store.FindStateAsync(instanceId, default))?.Bookmarks ?? [];
            if (bookmarks.Any(b => b.Name == WatchedRecord.BookmarkName) && bookmarks.All(b => b.Name != WatchWorksheet.ReadBookmarkName)) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Instance {instanceId} never started watching.");
            await Task.Delay(50);
        }
    }

    /// <summary>Plays an M3 officer changing the worksheet.</summary>
    public static async Task OfficerChangesAsync(this M3ppKit kit, string worksheet, object change)
    {
        var response = await kit.Simulator.PostAsJsonAsync($"/simulators/m3pp/_control/worksheets/change?reference={Uri.EscapeDataString(worksheet)}", change);
        ((int)response.StatusCode).ShouldBe(200, await response.Content.ReadAsStringAsync());
    }

    public static async Task OfficerDeletesAsync(this M3ppKit kit, string worksheet) =>
        (await kit.Simulator.PostAsync($"/simulators/m3pp/_control/worksheets/delete?reference={Uri.EscapeDataString(worksheet)}", null)).EnsureSuccessStatusCode();

    public static async Task FeedAsync(this M3ppKit kit, object control) =>
        (await kit.Simulator.PostAsJsonAsync("/simulators/m3pp/_control/feed", control)).EnsureSuccessStatusCode();

    /// <summary>Polls the CXM simulator until the case matches.</summary>
    public static async Task<JsonObject> WaitForCaseAsync(this M3ppKit kit, string reference, Func<JsonObject, bool> predicate, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var @case = await kit.CaseAsync(reference);
            if (predicate(@case)) return @case;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Case {reference} never matched: {@case.ToJsonString()}");
            await Task.Delay(50);
        }
    }

    public static string[] Notes(JsonObject @case) =>
        (@case["notes"] as JsonArray ?? []).Select(n => $"{n!["visibility"]}: {n["text"]}").ToArray();
}

using ElsaM3.M3pp.Activities.Changes;
using ElsaM3.M3pp.Activities.Settings;
using ElsaM3.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaM3.Server.Tests.M3pp;

/// <summary>What officers do in M3 reaches the CXM case: the two-way sample through its HTTP trigger, by the feed and by polling.</summary>
public sealed class TwoWayTests
{
    [Fact]
    public async Task Through_the_feed_allocation_and_closure_reach_the_case_within_two_poll_intervals()
    {
        await using var kit = await TwoWayKit.StartAsync();
        var (instanceId, worksheet) = await kit.StartWatchingAsync("101004567920");
        (await kit.CaseAsync("101004567920"))["fields"]!["m3-officer"]!.GetValue<string>().ShouldBe("Jo Smith");

        await kit.OfficerChangesAsync(worksheet, new { status = "ALLOCATED", officer = "AKHAN", targetDate = "2025-04-01" });
        var allocated = await kit.WaitForCaseAsync("101004567920", c => c["status"]?.GetValue<string>() == "in-progress");
        allocated["fields"]!["m3-officer"]!.GetValue<string>().ShouldBe("Ali Khan");
        allocated["fields"]!["m3-target-date"]!.GetValue<string>().ShouldBe("2025-04-01");
        TwoWayKit.Notes(allocated).ShouldBe(["internal: Allocated in M3 to Ali Khan; target date 2025-04-01."]);
        await kit.WaitForWatchAsync(instanceId);

        var closedAt = DateTime.UtcNow;
        await kit.OfficerChangesAsync(worksheet, new { status = "CLOSED", closureReason = "ABATED", closureNote = "Visited; music now off by 11pm." });
        var closed = await kit.WaitForCaseAsync("101004567920", c => c["status"]?.GetValue<string>() == "closed");
        // The poller runs every 200 ms; the close then waits for the Update Case's background attempt.
        (DateTime.UtcNow - closedAt).ShouldBeLessThan(TwoWayKit.PollInterval * 2 + TimeSpan.FromSeconds(1));
        TwoWayKit.Notes(closed).Last().ShouldBe("customer: Closed in M3: abated. Visited; music now off by 11pm. Officer Ali Khan.");
        await kit.WaitForAsync(instanceId);

        var inbound = (await kit.Admin.GetJsonAsync("/api/integration-log?caseReference=101004567920&direction=In"))["items"]!.AsArray();
        inbound.Select(e => $"{e!["operation"]}:{e["outcome"]}:{e["externalReference"]}").ShouldBe(
            [$"WorksheetChanged:Success:{worksheet}", $"WorksheetChanged:Success:{worksheet}"]);
        inbound.Select(e => e!["direction"]!.GetValue<string>()).ShouldAllBe(d => d == "In");
        var closure = inbound[0]!["messages"]!.AsArray().Select(m => m!.GetValue<string>()).ToArray();
        closure[0].ShouldContain("status ALLOCATED → CLOSED");
        closure[0].ShouldContain("closureReason (none) → ABATED");
        closure[1].ShouldBe("condition met: Changed");
        (await kit.Admin.GetJsonAsync("/api/integration-log?caseReference=101004567920&direction=Out"))["items"]!.AsArray()
            .Select(e => e!["operation"]!.GetValue<string>()).ShouldBe(["UpdateCase", "UpdateCase", "PullBackWorksheet", "CreateWorksheet"]);
    }

    [Fact]
    public async Task By_polling_when_the_feed_is_off_a_change_and_a_deletion_reach_their_cases()
    {
        await using var kit = await TwoWayKit.StartAsync();
        await kit.FeedAsync(new { enabled = false });
        var (_, first) = await kit.StartWatchingAsync("101004567921");
        var (second, deleted) = await kit.StartWatchingAsync("101004567922");

        await kit.OfficerChangesAsync(first, new { status = "IN_PROGRESS", officer = "RLEE" });
        (await kit.WaitForCaseAsync("101004567921", c => c["status"]?.GetValue<string>() == "in-progress"))["fields"]!["m3-officer"]!.GetValue<string>().ShouldBe("Rosa Lee");

        await kit.OfficerDeletesAsync(deleted);
        var noted = await kit.WaitForCaseAsync("101004567922", c => TwoWayKit.Notes(c).Length == 1);
        TwoWayKit.Notes(noted).ShouldBe([$"internal: Worksheet {deleted} was deleted in M3 (Bulk Worksheet Deletion); this case no longer follows it."]);
        await kit.WaitForAsync(second);
        var log = await kit.LogAsync("101004567922");
        log.Single(e => e["direction"]!.GetValue<string>() == "In")["messages"]![1]!.GetValue<string>().ShouldBe("deleted in M3: Deleted");
    }

    [Fact]
    public async Task The_poll_strategy_reads_each_watched_worksheet_once_per_round_whatever_the_number_of_watchers()
    {
        var reads = new CountingM3ppGateway.Counter();
        // An hour between rounds: the test runs each round itself.
        await using var kit = await TwoWayKit.StartAsync("Poll", more: new Dictionary<string, string?> { ["ElsaM3:M3pp:PollInterval"] = "01:00:00" },
            services: s => CountingM3ppGateway.Install(s, reads));
        await kit.PublishWatchOnlyAsync("watch-only");
        List<string> ids = [];
        foreach (var reference in new[] { "101004567930", "101004567931", "101004567932" })
            ids.Add(await kit.SendCaseAsync("watch-only", TwoWayKit.CaseWatching(reference, "WK/2024000011")));
        foreach (var id in ids) await kit.WaitForWatchAsync(id);
        var poller = kit.App.Services.GetRequiredService<ChangePoller>();

        reads.Reset();
        (await poller.RunRoundAsync(ChangeStrategy.Poll, default)).ShouldBe(0); // nothing changed: nobody resumed
        reads.WorksheetReads.ShouldBe(1);

        await kit.OfficerChangesAsync("WK/2024000011", new { status = "CLOSED", closureReason = "NO_FURTHER_ACTION" });
        reads.Reset();
        (await poller.RunRoundAsync(ChangeStrategy.Poll, default)).ShouldBe(3);
        reads.WorksheetReads.ShouldBe(1);
        foreach (var id in ids) await kit.WaitForAsync(id);
        foreach (var reference in new[] { "101004567930", "101004567931", "101004567932" })
            TwoWayKit.Notes(await kit.CaseAsync(reference)).ShouldBe(["customer: Closed in M3: no further action. Officer Jo Smith."]);
    }

    [Fact]
    public async Task A_worksheet_closed_before_the_watch_begins_is_seen_at_once()
    {
        // No feed and no polling: only the watch's own first read can see the closure.
        await using var kit = await TwoWayKit.StartAsync("Feed");
        await kit.FeedAsync(new { enabled = false });
        await kit.PublishWatchOnlyAsync("watch-only");
        var instanceId = await kit.SendCaseAsync("watch-only", TwoWayKit.CaseWatching("101004567933", "WK/2024000013"));

        await kit.WaitForAsync(instanceId);
        var closed = await kit.CaseAsync("101004567933");
        closed["status"]!.GetValue<string>().ShouldBe("closed");
        TwoWayKit.Notes(closed).Single().ShouldStartWith("customer: Closed in M3: abated.");
        var inbound = (await kit.LogAsync("101004567933")).Single(e => e["direction"]!.GetValue<string>() == "In");
        inbound["messages"]![1]!.GetValue<string>().ShouldBe("condition already met when the watch began: Changed");
    }

    [Fact]
    public async Task An_expired_cursor_polls_everything_watched_then_reads_on_from_the_newest_change()
    {
        await using var kit = await TwoWayKit.StartAsync();
        await kit.PublishWatchOnlyAsync("watch-only");
        var instanceId = await kit.SendCaseAsync("watch-only", TwoWayKit.CaseWatching("101004567934", "WK/2024000012"));
        await kit.WaitForWatchAsync(instanceId);
        var cursors = kit.App.Services.GetRequiredService<ChangeCursorStore>();
        var before = await WaitForCursorAsync(cursors);

        await kit.FeedAsync(new { expireAll = true });
        await kit.OfficerChangesAsync("WK/2024000012", new { status = "CLOSED", closureReason = "FORMAL_ACTION" });
        await kit.WaitForAsync(instanceId);
        TwoWayKit.Notes(await kit.CaseAsync("101004567934")).ShouldBe(["customer: Closed in M3: formal action. Officer Ali Khan."]);
        // The feed is read on from its newest change: the closure is not delivered a second time.
        var after = await WaitForCursorAsync(cursors);
        after.IsAfter(before).ShouldBeTrue();
        await Task.Delay(TwoWayKit.PollInterval * 3);
        TwoWayKit.Notes(await kit.CaseAsync("101004567934")).Length.ShouldBe(1);
        (await kit.LogAsync("101004567934")).Count(e => e["direction"]!.GetValue<string>() == "In").ShouldBe(1);
    }

    [Fact]
    public async Task CXM_refusing_the_write_back_is_Invalid_and_logged()
    {
        await using var kit = await TwoWayKit.StartAsync();
        await kit.PublishWatchOnlyAsync("watch-only", activity =>
        {
            if (activity["id"]!.GetValue<string>() == "closeCase") activity["status"]!["expression"]!["value"] = "shut";
        });
        var instanceId = await kit.SendCaseAsync("watch-only", TwoWayKit.CaseWatching("101004567935", "WK/2024000013"));

        var instance = await kit.WaitForAsync(instanceId, "Faulted");
        var invalid = (await kit.LogAsync("101004567935")).Single(e => e["operation"]!.GetValue<string>() == "UpdateCase");
        invalid["outcome"]!.GetValue<string>().ShouldBe("Invalid");
        invalid["attempts"]!.GetValue<int>().ShouldBe(1);
        invalid["messages"]![0]!.GetValue<string>().ShouldStartWith("Failed (validation): The status must be one of");
        (await kit.CaseAsync("101004567935"))["status"]!.GetValue<string>().ShouldBe("submitted");
        instance["subStatus"]!.GetValue<string>().ShouldBe("Faulted");
    }

    private static async Task<ElsaM3.M3pp.Identifiers.ChangeCursor> WaitForCursorAsync(ChangeCursorStore cursors)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (await cursors.GetAsync(default) is { } cursor) return cursor;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The change poller never stored a cursor.");
            await Task.Delay(50);
        }
    }
}

using ElsaM3.Server.Tests.M3pp;

namespace ElsaM3.Server.Tests.Containment;

/// <summary>
/// A Watch condition is a template like any other, held to the same limits: one case whose condition never ends cannot
/// hold up the changes of every other case.
/// </summary>
public sealed class SlowWatchConditionTests
{
    [Fact]
    public async Task A_condition_that_runs_for_ever_stops_at_its_limit_and_another_cases_closure_arrives_within_three_poll_intervals()
    {
        var interval = TimeSpan.FromSeconds(2);
        await using var kit = await TwoWayKit.StartAsync(more: new Dictionary<string, string?> { ["ElsaM3:M3pp:PollInterval"] = interval.ToString() });
        // Once the worksheet is closed, 2^40 calls before it says so: without a limit, days of one core.
        await kit.PublishWatchOnlyAsync("slow-watch", activity =>
        {
            if (activity["id"]!.GetValue<string>() == "watchClosed")
                activity["condition"]!["expression"]!["value"] = "{{ func f\n if $0 > 0\n f($0 - 1)\n f($0 - 1)\n end\n end }}{{ if worksheet.status == \"CLOSED\"; f 40; end }}{{ worksheet.status == \"CLOSED\" }}";
        });
        await kit.PublishWatchOnlyAsync("watch-only");
        var slow = await kit.SendCaseAsync("slow-watch", TwoWayKit.CaseWatching("101004567950", "WK/2024000011"));
        var victim = await kit.SendCaseAsync("watch-only", TwoWayKit.CaseWatching("101004567951", "WK/2024000012"));
        await kit.WaitForWatchAsync(slow);
        await kit.WaitForWatchAsync(victim);

        await kit.OfficerChangesAsync("WK/2024000011", new { status = "CLOSED", closureReason = "ABATED" });
        await Task.Delay(TimeSpan.FromMilliseconds(100)); // the slow case's change first, the victim's in a later round
        var closedAt = DateTime.UtcNow;
        await kit.OfficerChangesAsync("WK/2024000012", new { status = "CLOSED", closureReason = "ABATED" });

        await kit.WaitForCaseAsync("101004567951", c => c["status"]?.GetValue<string>() == "closed", interval * 3);
        (DateTime.UtcNow - closedAt).ShouldBeLessThan(interval * 3);
        // The slow case meanwhile stopped at its limit: its watch faulted, naming it.
        var stopped = await kit.WaitForAsync(slow, "Faulted");
        stopped["workflowState"]!["incidents"]![0]!["message"]!.GetValue<string>().ShouldContain("ElsaM3:Templates:");
    }
}

using ElsaM3.M3pp.Activities.Changes;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaM3.Server.Tests.M3pp;

/// <summary>No change lost and none applied twice across a restart while 100 cases wait and changes arrive.</summary>
public sealed class TwoWayRestartTests
{
    private const int Cases = 100;

    [Fact]
    public async Task A_restart_while_100_cases_wait_and_changes_arrive_loses_no_change_and_applies_none_twice()
    {
        var data = Path.Combine(Path.GetTempPath(), "elsam3-tests", Guid.NewGuid().ToString("N"));
        var references = Enumerable.Range(0, Cases).Select(i => $"1010045680{i:00}").ToArray();
        var worksheets = new string[Cases];
        ElsaM3.M3pp.Identifiers.ChangeCursor beforeAllocations;

        await using (var first = await TwoWayKit.StartAsync(dataDirectory: data))
        {
            var instances = new string[Cases];
            for (var i = 0; i < Cases; i++) instances[i] = await first.SendCaseAsync(TwoWayKit.Sample, TwoWayKit.Case(references[i]));
            for (var i = 0; i < Cases; i++)
            {
                await first.WaitForWatchAsync(instances[i]);
                worksheets[i] = (await first.CaseAsync(references[i]))["references"]!["m3-worksheet"]!.GetValue<string>();
            }
            beforeAllocations = await CursorAsync(first);
            // Officers allocate the first half; the server stops while those changes are being delivered.
            for (var i = 0; i < Cases / 2; i++) await first.OfficerChangesAsync(worksheets[i], new { status = "ALLOCATED", officer = "RLEE" });
        }

        await using var second = await TwoWayKit.StartAsync(dataDirectory: data);
        for (var i = Cases / 2; i < Cases; i++) await second.OfficerChangesAsync(worksheets[i], new { status = "ALLOCATED", officer = "RLEE" });
        foreach (var reference in references)
            await second.WaitForCaseAsync(reference, c => c["status"]?.GetValue<string>() == "in-progress", TimeSpan.FromSeconds(60));

        // As if the server had stopped after delivering every allocation but before saving the cursor: the feed gives
        // all of them again, and every watch passes them over.
        await second.App.Services.GetRequiredService<ChangeCursorStore>().SetAsync(beforeAllocations, default);
        await WaitUntilAsync(async () => (await CursorAsync(second)).IsAfter(beforeAllocations));
        await Task.Delay(TwoWayKit.PollInterval * 2);

        foreach (var worksheet in worksheets) await second.OfficerChangesAsync(worksheet, new { status = "CLOSED", closureReason = "ABATED" });
        foreach (var reference in references)
        {
            var closed = await second.WaitForCaseAsync(reference, c => c["status"]?.GetValue<string>() == "closed", TimeSpan.FromSeconds(60));
            TwoWayKit.Notes(closed).ShouldBe(
                ["internal: Allocated in M3 to Rosa Lee; target date " + closed["fields"]!["m3-target-date"]!.GetValue<string>() + ".",
                 "customer: Closed in M3: abated. Officer Rosa Lee."], $"case {reference}");
        }
        foreach (var reference in references)
            (await second.LogAsync(reference)).Count(e => e["direction"]!.GetValue<string>() == "In").ShouldBe(2, $"case {reference}");
    }

    private static async Task<ElsaM3.M3pp.Identifiers.ChangeCursor> CursorAsync(M3ppKit kit)
    {
        ElsaM3.M3pp.Identifiers.ChangeCursor? found = null;
        await WaitUntilAsync(async () => (found = await kit.App.Services.GetRequiredService<ChangeCursorStore>().GetAsync(default)) is not null);
        return found!.Value;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition never held.");
            await Task.Delay(50);
        }
    }
}

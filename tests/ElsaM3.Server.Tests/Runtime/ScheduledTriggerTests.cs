using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaM3.Runtime.Instances;
using ElsaM3.Runtime.Scheduling;
using ElsaM3.Server.Tests.Support;
using ElsaM3.Workflows.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ElsaM3.Server.Tests.Runtime;

/// <summary>
/// Timer, Cron and StartAt triggers: publishing arms an instance waiting at the trigger; a firing runs it and arms the next
/// one in the same commit; republishing and retracting disarm. The scheduler sweeps only when the test says (fake clock).
/// </summary>
public sealed class ScheduledTriggerTests : IAsyncLifetime
{
    // 2026-11-30 01:00 UTC: the nightly sweep (02:00) is an hour away.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero));
    private readonly ElsaM3Application _app;
    private HttpClient _client = null!;
    private const string Api = ApiClient.Api;

    public ScheduledTriggerTests() => _app = QuietScheduler.App(_clock);

    public async Task InitializeAsync() => _client = await _app.CreateAdminClientAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static string Fixture(string name) => ElsaFiles.Read("scheduling", name);

    private Task<List<WorkflowState>> InstancesAsync(string definitionId) => _app.Services.InstancesOfAsync(definitionId);

    private static WorkflowState Armed(List<WorkflowState> states) =>
        states.Single(s => s.Status == WorkflowStatus.Running && s.Bookmarks.Any(b => b.ResumeAt is not null));

    private Task<int> SweepAsync() => _app.Services.GetRequiredService<DelayScheduler>().SweepAsync(100, default);

    private async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++) await Task.Delay(50);
        (await condition()).ShouldBeTrue();
    }

    [Fact]
    public async Task A_cron_trigger_fires_once_per_due_time_and_the_firing_arms_the_next_in_the_same_commit()
    {
        await _client.PublishAsync(Fixture("nightly-sweep.json"));
        var armed = Armed(await InstancesAsync("nightly-sweep"));
        armed.Bookmarks.Single().ResumeAt.ShouldBe(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero));
        armed.SubStatus.ShouldBe(WorkflowSubStatus.Suspended);

        _clock.Advance(TimeSpan.FromHours(1));
        var instances = _app.Services.GetRequiredService<WorkflowInstanceService>();
        (await instances.ResumeDueTimersAsync(armed.Id, armed.Bookmarks.Single().Id, default)).ShouldBe(1);

        var after = await InstancesAsync("nightly-sweep");
        after.Single(s => s.Id == armed.Id).SubStatus.ShouldBe(WorkflowSubStatus.Finished);
        var next = Armed(after);
        next.Bookmarks.Single().ResumeAt.ShouldBe(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
        // The same due time again runs nothing and arms nothing.
        (await instances.ResumeDueTimersAsync(armed.Id, armed.Bookmarks.Single().Id, default)).ShouldBe(0);
        (await InstancesAsync("nightly-sweep")).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_timer_counts_from_the_last_due_time_not_from_when_the_firing_ran()
    {
        await _client.PublishAsync(Fixture("hourly-check.json"));
        var armed = Armed(await InstancesAsync("hourly-check"));
        armed.Bookmarks.Single().ResumeAt.ShouldBe(_clock.GetUtcNow() + TimeSpan.FromHours(1));

        _clock.Advance(TimeSpan.FromMinutes(65)); // five minutes late
        (await SweepAsync()).ShouldBe(1);
        await WaitUntilAsync(async () => (await InstancesAsync("hourly-check")).Count == 2);

        Armed(await InstancesAsync("hourly-check")).Bookmarks.Single().ResumeAt.ShouldBe(new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task A_due_time_that_passed_while_the_server_was_down_fires_once_after_the_restart()
    {
        await _client.PublishAsync(Fixture("nightly-sweep.json"));
        await _app.DisposeAsync();
        _clock.Advance(TimeSpan.FromDays(3)); // three nights missed

        await using var restarted = new ElsaM3Application(_app.DataDirectory, new Dictionary<string, string?>
        {
            ["ElsaM3:Scheduling:PollInterval"] = "01:00:00", ["ElsaM3:Samples:Import"] = "false",
        }, s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock)));
        await restarted.CreateAdminClientAsync(); // starts the host; its first sweep finds the missed timer
        Task<List<WorkflowState>> States() => restarted.Services.InstancesOfAsync("nightly-sweep");
        await WaitUntilAsync(async () => (await States()).Count(s => s.SubStatus == WorkflowSubStatus.Finished) == 1 && (await States()).Count == 2);

        Armed(await States()).Bookmarks.Single().ResumeAt.ShouldBe(new DateTimeOffset(2026, 12, 3, 2, 0, 0, TimeSpan.Zero)); // now is 12-03 01:00
    }

    [Fact]
    public async Task Publishing_again_disarms_the_old_version_and_retracting_disarms_it()
    {
        await _client.PublishAsync(Fixture("nightly-sweep.json"));
        var first = Armed(await InstancesAsync("nightly-sweep"));
        var changed = JsonNode.Parse(Fixture("nightly-sweep.json"))!.AsObject();
        changed["root"]!["activities"]![0]!["cronExpression"]!["expression"]!["value"] = "0 30 3 * * *";

        await _client.PublishAsync(changed.ToJsonString());

        var states = await InstancesAsync("nightly-sweep");
        states.Single(s => s.Id == first.Id).SubStatus.ShouldBe(WorkflowSubStatus.Cancelled);
        Armed(states).Bookmarks.Single().ResumeAt.ShouldBe(new DateTimeOffset(2026, 11, 30, 3, 30, 0, TimeSpan.Zero));

        (await _client.PostAsync($"{Api}/workflow-definitions/nightly-sweep/retract", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await InstancesAsync("nightly-sweep")).ShouldAllBe(s => s.Status == WorkflowStatus.Finished);
    }

    [Fact]
    public async Task A_StartAt_trigger_runs_once_at_its_time()
    {
        await _client.PublishAsync(Fixture("start-at.json"));
        var armed = Armed(await InstancesAsync("start-at"));
        armed.Bookmarks.Single().ResumeAt.ShouldBe(new DateTimeOffset(2026, 12, 25, 9, 0, 0, TimeSpan.Zero));

        _clock.Advance(TimeSpan.FromDays(30));
        (await SweepAsync()).ShouldBe(1);
        await WaitUntilAsync(async () => (await InstancesAsync("start-at")).Single().SubStatus == WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task A_cron_expression_that_does_not_parse_is_refused_at_publish_naming_it()
    {
        var bad = JsonNode.Parse(Fixture("nightly-sweep.json"))!.AsObject();
        bad["root"]!["activities"]![0]!["cronExpression"]!["expression"]!["value"] = "every night";

        var response = await _client.PostAsJsonAsync($"{Api}/workflow-definitions", new JsonObject { ["model"] = bad, ["publish"] = true });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("'every night' is not a cron expression");
        (await InstancesAsync("nightly-sweep")).ShouldBeEmpty();
    }
}

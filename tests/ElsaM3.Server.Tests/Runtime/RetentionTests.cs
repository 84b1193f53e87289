using System.Net;
using System.Net.Http.Json;
using ElsaM3.Runtime.IntegrationLog;
using ElsaM3.Runtime.Retention;
using ElsaM3.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using static ElsaM3.Server.Tests.Support.Workflows;

namespace ElsaM3.Server.Tests.Runtime;

/// <summary>
/// The retention sweep, on a fake clock with a daily sweep: ended instances and integration log entries go after
/// their period; running ones, recent ones and faulted ones within their own period stay.
/// </summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly ElsaM3Application _app;
    private HttpClient _client = null!;

    public RetentionTests() => _app = new ElsaM3Application(
        settings: new Dictionary<string, string?>
        {
            ["ElsaM3:Retention:FinishedInstances"] = "90.00:00:00",
            ["ElsaM3:Retention:FaultedInstances"] = "365.00:00:00",
            ["ElsaM3:Retention:IntegrationLog"] = "30.00:00:00",
            ["ElsaM3:Retention:SweepInterval"] = "1.00:00:00",
            ["ElsaM3:Retention:PageSize"] = "2",
        },
        services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock)));

    public async Task InitializeAsync()
    {
        _client = await _app.CreateAdminClientAsync();
        await _client.PublishAsync(Flowchart("done", WriteLine("w", "hi"), ""));
        await _client.PublishAsync(Flowchart("broken", WriteScript("bad", "nope()"), ""));
        await _client.PublishAsync(Flowchart("waiting", Delay("d", "3650.00:00:00"), ""));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Moves the clock on, which lets the daily sweep run, and signs in again (the old token has expired).</summary>
    private async Task AdvanceDaysAsync(int days)
    {
        _clock.Advance(TimeSpan.FromDays(days));
        _client = await _app.CreateAdminClientAsync();
    }

    private async Task<string> RunAsync(string definitionId)
    {
        var response = await _client.PostAsJsonAsync($"{ApiClient.Api}/workflow-definitions/{definitionId}/execute", new { });
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("x-elsa-workflow-instance-id").Single();
    }

    private static RetentionSweeper Sweeper(ElsaM3Application app) =>
        app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<RetentionSweeper>().Single();

    private async Task<HttpStatusCode> StatusOfAsync(string instanceId) =>
        (await _client.GetAsync($"{ApiClient.Api}/workflow-instances/{instanceId}")).StatusCode;

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Not within 10 s: {what}");
    }

    [Fact]
    public async Task EndedInstances_GoAfterTheirPeriod_WithTheirJournal_RunningAndRecentOnesStay()
    {
        var finished = new List<string>();
        for (var i = 0; i < 5; i++) finished.Add(await RunAsync("done"));
        var faulted = await RunAsync("broken");
        var waiting = await RunAsync("waiting");

        await AdvanceDaysAsync(89);
        (await Sweeper(_app).SweepAsync(default)).ShouldBe(new RetentionSweep(0, 0, 0)); // a day early: decided by a sweep, not waited for
        (await StatusOfAsync(finished[0])).ShouldBe(HttpStatusCode.OK);

        await AdvanceDaysAsync(2);
        var recent = await RunAsync("done");
        await EventuallyAsync(async () => await StatusOfAsync(finished[^1]) == HttpStatusCode.NotFound, "the finished instances deleted");

        foreach (var id in finished) (await StatusOfAsync(id)).ShouldBe(HttpStatusCode.NotFound); // three pages of two
        var journal = await _client.PostJsonAsync($"{ApiClient.Api}/workflow-instances/{finished[0]}/journal?skip=0&take=50", new { });
        journal["totalCount"]!.GetValue<int>().ShouldBe(0);
        (await _client.GetJsonAsync($"{ApiClient.Api}/workflow-instances/{faulted}"))["subStatus"]!.GetValue<string>().ShouldBe("Faulted");
        (await _client.GetJsonAsync($"{ApiClient.Api}/workflow-instances/{waiting}"))["subStatus"]!.GetValue<string>().ShouldBe("Suspended");
        (await StatusOfAsync(recent)).ShouldBe(HttpStatusCode.OK);

        await AdvanceDaysAsync(275);
        await EventuallyAsync(async () => await StatusOfAsync(faulted) == HttpStatusCode.NotFound, "the faulted instance deleted after 365 days");

        (await StatusOfAsync(recent)).ShouldBe(HttpStatusCode.NotFound);
        (await _client.GetJsonAsync($"{ApiClient.Api}/workflow-instances/{waiting}"))["subStatus"]!.GetValue<string>().ShouldBe("Suspended");
    }

    [Fact]
    public async Task IntegrationLogEntries_GoAfterTheirPeriod()
    {
        var log = _app.Services.GetRequiredService<IIntegrationLog>();
        var now = _clock.GetUtcNow();
        // Entries are written by a burst's commit, as the M3 activities write them.
        var entries = new[] { ("old-1", 45), ("old-2", 31), ("old-3", 40), ("new-1", 28), ("new-2", 0) }.Select(e => Entry(e.Item1, now - TimeSpan.FromDays(e.Item2))).ToList();
        var holder = new ElsaM3.Workflows.Execution.WorkflowState { Id = "log-holder", DefinitionId = "log-holder", DefinitionVersionId = "log-holder", CreatedAt = now, UpdatedAt = now };
        await _app.Services.GetRequiredService<ElsaM3.Runtime.Instances.IWorkflowInstanceStore>()
            .CommitAsync(ElsaM3.Runtime.Instances.WorkflowCommit.StateOnly(holder) with { IntegrationLog = entries }, default);

        await AdvanceDaysAsync(1);

        await EventuallyAsync(async () => (await log.QueryAsync(new IntegrationLogQuery { CaseReference = "CASE-R" }, default)).TotalCount == 2,
            "the three old entries deleted");
        var left = await log.QueryAsync(new IntegrationLogQuery { CaseReference = "CASE-R" }, default);
        left.Items.Select(e => e.Id).ShouldBe(["new-2", "new-1"]);
    }

    [Fact]
    public async Task WithNoPeriodSet_NothingIsDeleted()
    {
        await using var app = new ElsaM3Application(settings: new Dictionary<string, string?> { ["ElsaM3:Retention:SweepInterval"] = "1.00:00:00" },
            services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock)));
        var client = await app.CreateAdminClientAsync();
        await client.PublishAsync(Flowchart("done", WriteLine("w", "hi"), ""));
        var response = await client.PostAsJsonAsync($"{ApiClient.Api}/workflow-definitions/done/execute", new { });
        var id = response.Headers.GetValues("x-elsa-workflow-instance-id").Single();

        for (var day = 0; day < 5; day++) _clock.Advance(TimeSpan.FromDays(1000));
        (await Sweeper(app).SweepAsync(default)).ShouldBe(new RetentionSweep(0, 0, 0));

        client = await app.CreateAdminClientAsync();
        (await client.GetAsync($"{ApiClient.Api}/workflow-instances/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static IntegrationLogEntry Entry(string id, DateTimeOffset timestamp) => new()
    {
        Id = id, Timestamp = timestamp, CaseReference = "CASE-R", WorkflowDefinitionId = "d", WorkflowInstanceId = "i",
        ActivityId = "a", Operation = "CreateWorksheet", Outcome = IntegrationOutcome.Success,
    };
}

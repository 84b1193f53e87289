using ElsaM3.Runtime.Instances;
using ElsaM3.Server.Tests.Support;
using ElsaM3.Workflows.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static ElsaM3.Server.Tests.Support.Workflows;

namespace ElsaM3.Server.Tests.Runtime;

/// <summary>
/// A timer resume runs on into the instance's next timer when that one is due by the end of the burst (an M3
/// activity's first attempt after the previous activity finished), in the same burst and commit. The scheduler's own
/// sweeps only wake on commits here (an hour's poll on a fake clock), and the resume under test holds the instance
/// throughout, so what it ran is decided by the test alone.
/// </summary>
public sealed class TimerChainTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly ElsaM3Application _app;
    private HttpClient _client = null!;

    public TimerChainTests() => _app = QuietScheduler.App(_clock);

    public async Task InitializeAsync()
    {
        _client = await _app.CreateAdminClientAsync();
        await _client.PublishAsync(HttpWorkflow("chain", "chain", "POST",
            Delay("first", "01:00:00") + "," + Delay("second", "00:00:00") + "," + Delay("third", "01:00:00"),
            Connect("ep", "first") + "," + Connect("first", "second") + "," + Connect("second", "third")));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_resume_runs_on_into_the_next_timer_when_that_one_is_already_due_and_stops_at_one_that_is_not()
    {
        var response = await _client.PostAsync("/workflows/chain", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        var id = response.Headers.GetValues("x-elsa-workflow-instance-id").Single();
        var instances = _app.Services.GetRequiredService<WorkflowInstanceService>();
        var store = _app.Services.GetRequiredService<IWorkflowInstanceStore>();
        var first = (await store.FindStateAsync(id, default))!.Bookmarks.Single();

        _clock.Advance(TimeSpan.FromHours(1));
        // "first" falls due; "second" (zero) is due as soon as it is reached; "third" is an hour away.
        (await instances.ResumeDueTimersAsync(id, first.Id, default)).ShouldBe(2);

        var state = (await store.FindStateAsync(id, default))!;
        state.Status.ShouldBe(WorkflowStatus.Running);
        state.Bookmarks.Single().ResumeAt.ShouldBe(_clock.GetUtcNow() + TimeSpan.FromHours(1));
        (await instances.ResumeDueTimersAsync(id, first.Id, default)).ShouldBe(0); // that timer is gone: nothing runs twice
    }
}

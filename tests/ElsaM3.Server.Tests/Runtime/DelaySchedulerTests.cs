using ElsaM3.Runtime.Scheduling;
using ElsaM3.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using static ElsaM3.Server.Tests.Support.Workflows;

namespace ElsaM3.Server.Tests.Runtime;

/// <summary>
/// The timer scheduler on a fake clock: a timer is resumed when the clock reaches it and not before. "Not before" is
/// decided by a sweep at a known time, not by waiting to see whether something happens.
/// </summary>
public sealed class DelaySchedulerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly ElsaM3Application _app;
    private HttpClient _client = null!;

    public DelaySchedulerTests() => _app = new ElsaM3Application(services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock)));

    public async Task InitializeAsync()
    {
        _client = await _app.CreateAdminClientAsync();
        await _client.PublishAsync(HttpWorkflow("hour", "hour", "POST", WriteLine("before", "before") + "," + Delay("wait", "01:00:00") + "," + WriteLine("after", "after"),
            Connect("ep", "before") + "," + Connect("before", "wait") + "," + Connect("wait", "after")));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_timer_is_resumed_when_the_clock_reaches_it_and_not_a_minute_before()
    {
        var response = await _client.PostAsync("/workflows/hour", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        var id = response.Headers.GetValues("x-elsa-workflow-instance-id").Single();
        var scheduler = _app.Services.GetRequiredService<DelayScheduler>();

        _clock.Advance(TimeSpan.FromMinutes(59));
        (await scheduler.SweepAsync(100, default)).ShouldBe(0);
        (await _client.InstanceAsync(id))["subStatus"]!.GetValue<string>().ShouldBe("Suspended");

        _clock.Advance(TimeSpan.FromMinutes(1));
        await _client.WaitForAsync(id, "Finished", TimeSpan.FromSeconds(20));
        scheduler.LastSweepAt.ShouldNotBeNull();
        scheduler.LastSweepAt!.Value.ShouldBeGreaterThanOrEqualTo(_clock.GetUtcNow());
    }
}

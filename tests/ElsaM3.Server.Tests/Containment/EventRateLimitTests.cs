using ElsaM3.Runtime.Events;
using ElsaM3.Workflows.Execution;
using Microsoft.Extensions.Time.Testing;

namespace ElsaM3.Server.Tests.Containment;

/// <summary>Workflows may publish each event name a limited number of times a minute; the next minute starts afresh.</summary>
public sealed class EventRateLimitTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 8, 9, 0, 10, TimeSpan.Zero));

    private EventRateLimit Limit(int perMinute) =>
        new(Microsoft.Extensions.Options.Options.Create(new WorkflowRuntimeOptions { MaxEventStartsPerMinute = perMinute }), _clock);

    [Fact]
    public void Publications_past_the_minutes_allowance_fault_naming_the_setting_and_other_names_and_minutes_are_free()
    {
        var limit = Limit(3);
        for (var i = 0; i < 3; i++) limit.Take("bin-collected");

        var refused = Should.Throw<BudgetExceededException>(() => limit.Take("bin-collected"));

        refused.Budget.ShouldBe(WorkflowBudget.EventRate);
        refused.Message.ShouldContain("ElsaM3:Runtime:MaxEventStartsPerMinute");
        limit.Take("case-closed");
        _clock.Advance(TimeSpan.FromMinutes(1));
        limit.Take("bin-collected");
    }
}

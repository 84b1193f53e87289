using ElsaM3.Workflows.Activities;

namespace ElsaM3.Workflows.Scheduling;

/// <summary>Elsa's Timer: every interval (as a trigger); waits one interval in a flow.</summary>
[Activity("Elsa", "Scheduling", "Trigger workflow execution at a specific interval.", Kind = ActivityKind.Trigger)]
public sealed class Timer : ScheduledActivity<TimerInput>
{
    public const string BookmarkName = "Elsa.Timer";
    protected override string Name => BookmarkName;

    protected override Schedule ScheduleOf(TimerInput input) => input.Interval > TimeSpan.Zero
        ? new Schedule.Every(input.Interval)
        : throw new InvalidOperationException($"Timer: the interval must be more than zero, not {input.Interval}.");
}

public sealed class TimerInput
{
    [Input(Description = "The interval at which the timer should execute.")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
}

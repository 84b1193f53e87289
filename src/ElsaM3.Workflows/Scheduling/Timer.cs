using ElsaM3.Workflows.Activities;

namespace ElsaM3.Workflows.Scheduling;

/// <summary>Elsa's Timer: every interval (as a trigger); waits one interval in a flow.</summary>
[Activity("Elsa", "Scheduling", "Trigger workflow execution at a specific interval.", Kind = ActivityKind.Trigger)]
public sealed class Timer : ScheduledActivity<TimerInput>
{
    public const string BookmarkName = "Elsa.Timer";
    protected override string Name => BookmarkName;

    /// <summary>Shorter intervals would start more runs than anyone can read (each firing is a stored instance).</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(1);

    protected override Schedule ScheduleOf(TimerInput input) => input.Interval >= MinimumInterval
        ? new Schedule.Every(input.Interval)
        : throw new InvalidOperationException($"Timer: the interval must be at least {MinimumInterval}, not {input.Interval}.");
}

public sealed class TimerInput
{
    [Input(Description = "The interval at which the timer should execute.")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
}

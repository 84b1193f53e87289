using ElsaM3.Workflows.Activities;

namespace ElsaM3.Workflows.Scheduling;

/// <summary>Elsa's Cron: at every occurrence of a cron expression, in UTC (as a trigger); waits for the next one in a flow.</summary>
[Activity("Elsa", "Scheduling", "Trigger workflow execution at a specific interval using a CRON expression.", Kind = ActivityKind.Trigger)]
public sealed class Cron : ScheduledActivity<CronInput>
{
    public const string BookmarkName = "Elsa.Cron";
    protected override string Name => BookmarkName;

    protected override Schedule ScheduleOf(CronInput input) => string.IsNullOrWhiteSpace(input.CronExpression)
        ? throw new InvalidOperationException("Cron: the cron expression is empty.")
        : Schedule.Cron.Parse(input.CronExpression);
}

public sealed class CronInput
{
    [Input(Description = "The CRON expression at which the timer should execute (six fields with seconds, or five), in UTC.")]
    public string? CronExpression { get; set; }
}

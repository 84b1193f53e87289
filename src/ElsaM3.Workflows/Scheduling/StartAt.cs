using ElsaM3.Workflows.Activities;

namespace ElsaM3.Workflows.Scheduling;

/// <summary>Elsa's StartAt: once, at a date and time (as a trigger); waits until then in a flow.</summary>
[Activity("Elsa", "Scheduling", "Trigger execution at a specific time in the future.", Kind = ActivityKind.Trigger)]
public sealed class StartAt : ScheduledActivity<StartAtInput>
{
    public const string BookmarkName = "Elsa.StartAt";
    protected override string Name => BookmarkName;

    protected override Schedule ScheduleOf(StartAtInput input) => new Schedule.Once(input.DateTime);
}

public sealed class StartAtInput
{
    [Input(Description = "When to start.")]
    public DateTimeOffset DateTime { get; set; }
}

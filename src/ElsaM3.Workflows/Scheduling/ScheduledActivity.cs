using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Bookmarks;

namespace ElsaM3.Workflows.Scheduling;

/// <summary>
/// Timer, Cron and StartAt. In a flow they wait until the schedule's next due time. As a workflow's trigger the runtime
/// arms them: an instance waits at the trigger for the next due time (durable, like any timer) and, when it fires, the
/// runtime arms the next one in the same commit (see <see cref="ScheduledTriggers"/>).
/// </summary>
public abstract class ScheduledActivity<TInput> : Trigger<TInput> where TInput : new()
{
    protected abstract string Name { get; }

    protected abstract Schedule ScheduleOf(TInput input);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, TInput input, CancellationToken cancellationToken)
    {
        var schedule = ScheduleOf(input);
        // Armed again after a firing, the next due time counts from that firing's (no drift); if that has passed too (the
        // server was down), the firing that just happened was the one for the missed times and the schedule goes on from now.
        var previous = context.IsTriggerOfWorkflow && context.Stimulus is DateTimeOffset fired ? fired : (DateTimeOffset?)null;
        var due = schedule.NextAfter(previous ?? context.Now);
        if (previous is not null && due < context.Now) due = schedule.NextAfter(context.Now);
        if (due is null)
            return ValueTask.FromResult<ActivityResult>(Done()); // A StartAt in the past: nothing to wait for.
        var request = new BookmarkRequest(Name, new Dictionary<string, object?> { ["dueAt"] = due.Value.ToString("O") })
        {
            ResumeAt = due,
            // One lookup per workflow: publishing again finds (and cancels) the instance armed for the old version.
            LookupPayload = context.IsTriggerOfWorkflow ? ScheduledTriggers.ArmedLookup(context.WorkflowDefinitionId) : null,
        };
        return ValueTask.FromResult<ActivityResult>(ActivityResult.Suspend(request));
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, TInput input, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Done());

    public override IReadOnlyList<BookmarkRequest> GetTriggers(TInput input)
    {
        // Checked at publish: a cron expression that does not parse is refused naming it.
        var schedule = ScheduleOf(input);
        return [new BookmarkRequest(Name, new Dictionary<string, object?> { ["schedule"] = schedule.ToString() })];
    }
}

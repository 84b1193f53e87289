using ElsaM3.Workflows.Activities;

namespace ElsaM3.Workflows.Primitives;

[Activity("Elsa", "Flow", "Finishes the whole workflow at once: scheduled work and bookmarks are dropped.", IsTerminal = true)]
public sealed class Finish : Activity<NoInput>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, NoInput input, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ActivityResult>(new ActivityResult.FinishWorkflow());
}

using ElsaM3.Workflows.Activities;

namespace ElsaM3.Workflows.Primitives;

[Activity("Elsa", "Flow", "The start of the flowchart.", IsStart = true)]
public sealed class Start : Activity<NoInput>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, NoInput input, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Done());
}

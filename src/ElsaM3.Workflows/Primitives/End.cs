using ElsaM3.Workflows.Activities;

namespace ElsaM3.Workflows.Primitives;

[Activity("Elsa", "Flow", "Completes the enclosing flowchart; other branches of it are cancelled.", IsTerminal = true)]
public sealed class End : Activity<NoInput>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, NoInput input, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Done());
}

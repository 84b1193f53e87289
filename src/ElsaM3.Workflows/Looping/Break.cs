using ElsaM3.Workflows.Activities;

namespace ElsaM3.Workflows.Looping;

/// <summary>Elsa's Break: ends the nearest enclosing ForEach or While once the current run of its body has ended.</summary>
[Activity("Elsa", "Looping", "Break out of a loop.", IsTerminal = true)]
public sealed class Break : Activity<NoInput>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, NoInput input, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ActivityResult>(new ActivityResult.Break());
}

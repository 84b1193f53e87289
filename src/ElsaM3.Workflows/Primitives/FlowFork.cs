using ElsaM3.Workflows.Activities;

namespace ElsaM3.Workflows.Primitives;

[Activity("Elsa", "Flow", "Follows every branch at once.", DisplayName = "Fork")]
public sealed class FlowFork : Activity<FlowForkInput>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, FlowForkInput input, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ActivityResult>(ActivityResult.WithOutcomes(input.Branches));
}

public sealed class FlowForkInput
{
    [Input(Description = "The branch names; each becomes an outcome port.", UIHint = "dynamic-outcomes")]
    public string[] Branches { get; set; } = [];
}

using ElsaM3.Workflows.Activities;

namespace ElsaM3.Workflows.Primitives;

[Activity("Elsa", "Branching", "Follows True or False depending on a condition.", DisplayName = "Decision")]
[Outcomes("True", "False")]
public sealed class FlowDecision : Activity<FlowDecisionInput>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, FlowDecisionInput input, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Outcome(input.Condition ? "True" : "False"));
}

public sealed class FlowDecisionInput
{
    [Input(Description = "The condition to evaluate.", UIHint = "singleline")]
    public bool Condition { get; set; }
}

using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Expressions;

namespace ElsaM3.Workflows.Primitives;

[Activity("Elsa", "Branching", "Follows the outcome of each case whose condition is true, or Default.", DisplayName = "Switch")]
public sealed class FlowSwitch : Activity<FlowSwitchInput>
{
    public const string DefaultOutcome = "Default";

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, FlowSwitchInput input, CancellationToken cancellationToken)
    {
        var matched = new List<string>();
        foreach (var @case in input.Cases)
        {
            var condition = @case.Condition is null ? null
                : new Expression(@case.Condition.Type ?? "Literal", @case.Condition.Value);
            var isMatch = condition is not null && ValueConverter.Convert<bool>(await context.EvaluateAsync(condition, typeof(bool), $"cases[{@case.Label}]", cancellationToken));
            if (!isMatch) continue;
            matched.Add(@case.Label);
            if (input.Mode == SwitchMode.MatchFirst) break;
        }
        return ActivityResult.WithOutcomes(matched.Count == 0 ? [DefaultOutcome] : matched);
    }
}

public sealed class FlowSwitchInput
{
    [Input(Description = "The cases to evaluate.", UIHint = "flow-switch-editor", IsWrapped = false, TypeName = "Elsa.Workflows.Activities.Flowchart.Models.FlowSwitchCase[], Elsa.Workflows.Core")]
    public List<FlowSwitchCase> Cases { get; set; } = [];

    [Input(Description = "Follow only the first matching case, or every matching case.")]
    public SwitchMode Mode { get; set; } = SwitchMode.MatchFirst;
}

public sealed class FlowSwitchCase
{
    public string Label { get; set; } = "";
    public SwitchCondition? Condition { get; set; }
}

public sealed class SwitchCondition
{
    public string? Type { get; set; }
    public System.Text.Json.Nodes.JsonNode? Value { get; set; }
}

public enum SwitchMode
{
    MatchFirst,
    MatchAny,
}

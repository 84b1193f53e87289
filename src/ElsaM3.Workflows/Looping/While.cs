using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Expressions;

namespace ElsaM3.Workflows.Looping;

/// <summary>Elsa's While: runs its body as long as the condition, evaluated before each run, holds.</summary>
[Activity("Elsa", "Looping", "Execute an activity while a given condition evaluates to true.")]
[Body(IsLoop = true)]
public sealed class While : Activity<WhileInput>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, WhileInput input, CancellationToken cancellationToken) =>
        NextAsync(context, input, cancellationToken);

    public override ValueTask<ActivityResult> OnBodyCompletedAsync(ActivityContext context, WhileInput input, CancellationToken cancellationToken) =>
        context.IsBreaking ? ValueTask.FromResult(Done()) : NextAsync(context, input, cancellationToken);

    private static async ValueTask<ActivityResult> NextAsync(ActivityContext context, WhileInput input, CancellationToken cancellationToken)
    {
        var holds = input.Condition is { IsEmpty: false } condition
            && await context.EvaluateAsync(condition.Expression, typeof(bool), "Condition", cancellationToken) is true;
        return holds ? ActivityResult.RunBodyOnce() : Done();
    }
}

public sealed class WhileInput
{
    [Input(Description = "The condition evaluated before each run of the body.", UIHint = "singleline", TypeName = "Boolean")]
    public DeferredExpression? Condition { get; set; }
}

using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Expressions;

namespace ElsaM3.Workflows.Looping;

/// <summary>
/// Elsa's ForEach: runs its body once per item, one after another; each run sees <c>CurrentValue</c> and <c>CurrentIndex</c>,
/// and <c>currentValue</c> is the activity's output. The items are evaluated once, when the loop starts.
/// </summary>
[Activity("Elsa", "Looping", "Iterate over a set of values.")]
[Body(IsLoop = true, Variables = [CurrentValue, CurrentIndex])]
public sealed class ForEach : Activity<ForEachInput, ForEachOutput>
{
    public const string CurrentValue = "CurrentValue";
    public const string CurrentIndex = "CurrentIndex";
    private const string ItemsProperty = "Items";

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, ForEachInput input, CancellationToken cancellationToken)
    {
        var items = input.Items is { IsEmpty: false } expression
            ? ValueList.From(await context.EvaluateAsync(expression.Expression, typeof(object), "Items", cancellationToken))
            : [];
        context.Properties[ItemsProperty] = items;
        context.Properties[CurrentIndex] = 0;
        return Next(context);
    }

    public override ValueTask<ActivityResult> OnBodyCompletedAsync(ActivityContext context, ForEachInput input, CancellationToken cancellationToken) =>
        ValueTask.FromResult(context.IsBreaking ? Done() : Next(context));

    private static ActivityResult Next(ActivityContext context)
    {
        // A list as stored at the start (also after a reload, as plain JSON values): not converted again on every turn.
        var items = context.Properties[ItemsProperty] as IReadOnlyList<object?> ?? ValueList.From(context.Properties[ItemsProperty]);
        var index = Convert.ToInt32(context.Properties[CurrentIndex] ?? 0);
        if (index >= items.Count) return Done();
        context.Properties[CurrentIndex] = index + 1;
        return ActivityResult.RunBodyOnce(new Dictionary<string, object?> { [CurrentValue] = items[index], [CurrentIndex] = index },
            new ForEachOutput { CurrentValue = items[index] });
    }
}

public sealed class ForEachInput
{
    [Input(Description = "The set of values to iterate.", TypeName = "Object", DefaultSyntax = "Object")]
    public DeferredExpression? Items { get; set; }
}

public sealed class ForEachOutput
{
    [Output(Description = "Assign the current value to the specified variable.")]
    public object? CurrentValue { get; set; }
}

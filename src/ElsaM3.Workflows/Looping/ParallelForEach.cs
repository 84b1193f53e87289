using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Expressions;

namespace ElsaM3.Workflows.Looping;

/// <summary>Elsa's ParallelForEach: one run of its body per item, all scheduled at once; done when every run has ended.</summary>
[Activity("Elsa", "Looping", "Schedule an activity for each item in parallel.")]
[Body(Variables = [ForEach.CurrentValue, ForEach.CurrentIndex])]
public sealed class ParallelForEach : Activity<ParallelForEachInput>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, ParallelForEachInput input, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ActivityResult>(new ActivityResult.RunBody(ValueList.From(input.Items)
            .Select((item, index) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
            {
                [ForEach.CurrentValue] = item,
                [ForEach.CurrentIndex] = index,
            }).ToList()));
}

public sealed class ParallelForEachInput
{
    [Input(Description = "The items to iterate through.")]
    public object? Items { get; set; }
}

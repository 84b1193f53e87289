using ElsaM3.Workflows.Activities;

namespace ElsaM3.Workflows.Primitives;

/// <summary>Elsa's <c>Correlate</c>: sets the workflow instance's correlation id.</summary>
[Activity("Elsa", "Primitives", "Set the CorrelationId of the workflow to a given value.")]
public sealed class Correlate : Activity<CorrelateInput>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CorrelateInput input, CancellationToken cancellationToken)
    {
        context.CorrelationId = input.CorrelationId;
        return ValueTask.FromResult(Done());
    }
}

public sealed class CorrelateInput
{
    [Input(Description = "An expression that evaluates to the value to store as the correlation id")]
    public string? CorrelationId { get; set; }
}

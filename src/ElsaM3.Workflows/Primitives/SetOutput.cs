using ElsaM3.Workflows.Activities;

namespace ElsaM3.Workflows.Primitives;

/// <summary>Elsa's <c>SetOutput</c>: sets an output of the workflow it is in (of the embedded workflow, when it runs as an activity).</summary>
[Activity("Elsa", "Composition", "Assigns a given value to a the container's output.")]
public sealed class SetOutput : Activity<SetOutputInput>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, SetOutputInput input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.OutputName))
            throw new InvalidOperationException("SetOutput: the 'outputName' input names no output.");
        context.Memory.Output[input.OutputName] = Serialization.WorkflowJson.ToPlain(input.OutputValue);
        return ValueTask.FromResult(Done());
    }
}

public sealed class SetOutputInput
{
    [Input(DisplayName = "Output", Description = "The output to assign.", UIHint = "output-picker")]
    public string? OutputName { get; set; }

    [Input(Description = "The value to assign.")]
    public object? OutputValue { get; set; }
}

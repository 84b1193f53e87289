using ElsaM3.Workflows.Activities;

namespace ElsaM3.Workflows.Primitives;

/// <summary>Elsa's <c>SetName</c>: sets the workflow instance's name (stored with the burst's commit).</summary>
[Activity("Elsa", "Primitives", "Set the name of the workflow instance to a specified value.")]
public sealed class SetName : Activity<SetNameInput>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, SetNameInput input, CancellationToken cancellationToken)
    {
        context.InstanceName = input.Value;
        return ValueTask.FromResult(Done());
    }
}

public sealed class SetNameInput
{
    [Input(Description = "The value to set the workflow instance's name to.")]
    public string? Value { get; set; } = "";
}

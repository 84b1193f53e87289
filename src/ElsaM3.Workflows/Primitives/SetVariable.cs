using System.Text.Json.Serialization;
using ElsaM3.Workflows.Activities;

namespace ElsaM3.Workflows.Primitives;

[Activity("Elsa", "Primitives", "Assigns a value to a workflow variable.")]
public sealed class SetVariable : Activity<SetVariableInput>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, SetVariableInput input, CancellationToken cancellationToken)
    {
        var reference = input.Variable?.Id is { Length: > 0 } id ? id : input.Variable?.Name;
        if (string.IsNullOrEmpty(reference))
            throw new InvalidOperationException("SetVariable: the 'variable' input names no variable.");
        context.Memory.SetVariable(reference, input.Value);
        return ValueTask.FromResult(Done());
    }
}

public sealed class SetVariableInput
{
    [Input(Description = "The variable to assign.", UIHint = "variable-picker", IsWrapped = false, TypeName = "Elsa.Workflows.Memory.Variable, Elsa.Workflows.Core")]
    public VariableReference? Variable { get; set; }

    [Input(Description = "The value to assign.")]
    public object? Value { get; set; }
}

/// <summary>The plain <c>variable</c> object Studio stores: <c>{id, name, typeName, …}</c>.</summary>
public sealed class VariableReference
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? TypeName { get; set; }

    [JsonExtensionData]
    public Dictionary<string, object?>? Extra { get; set; }
}

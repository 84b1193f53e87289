using ElsaM3.Workflows.Activities;

namespace ElsaM3.Workflows.Primitives;

[Activity("Elsa", "Primitives", "Faults the workflow on purpose with a code, category, type and message.", IsTerminal = true)]
public sealed class Fault : Activity<FaultInput>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, FaultInput input, CancellationToken cancellationToken) =>
        throw new FaultException(input.Code, input.Category, input.FaultType, input.Message ?? "The workflow faulted on purpose.");
}

public sealed class FaultInput
{
    [Input(Description = "A code for the fault.")]
    public string Code { get; set; } = "0";

    [Input(Description = "The category of the fault.")]
    public string Category { get; set; } = "General";

    [Input(Description = "The type of the fault.")]
    public string FaultType { get; set; } = "System";

    [Input(Description = "What went wrong.", UIHint = "multiline")]
    public string? Message { get; set; }
}

/// <summary>Raised by the <see cref="Fault"/> activity.</summary>
public sealed class FaultException(string code, string category, string type, string message) : Exception(message)
{
    public string Code { get; } = code;
    public string Category { get; } = category;
    public string Type { get; } = type;
}

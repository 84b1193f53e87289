using ElsaM3.Workflows.Definitions;

namespace ElsaM3.Workflows.Expressions;

/// <summary>
/// What an expression can see: the workflow's memory and, for error messages, where it is evaluated.
/// <see cref="SharedModels"/>, when set, is where an evaluator may keep the model it built from the memory for the
/// next expression of the same batch: the caller promises the memory does not change until the batch ends.
/// </summary>
public sealed record ExpressionContext(IWorkflowMemory Memory, ActivityNode? Activity = null, string? InputName = null)
{
    public IDictionary<object, object>? SharedModels { get; init; }
}

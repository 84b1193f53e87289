namespace ElsaM3.Workflows.Expressions;

/// <summary>
/// An input the engine hands over unevaluated, so the activity decides when to evaluate it and how to report a
/// failure (the M3 activities turn a template error into a validation failure instead of a fault).
/// Studio sees a plain <c>String</c> input.
/// </summary>
public sealed record DeferredExpression(Expression Expression)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Expression.Text);

    /// <summary>The descriptor name of the input it was bound to, for recording what it rendered to.</summary>
    public string? InputName { get; internal set; }
}

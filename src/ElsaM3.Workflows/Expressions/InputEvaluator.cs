namespace ElsaM3.Workflows.Expressions;

/// <summary><c>Input</c>: the value of a workflow input, referenced by a JSON input definition or a bare name.</summary>
public sealed class InputEvaluator : IExpressionEvaluator
{
    public ExpressionDescriptor Descriptor { get; } = new("Input", "Input");

    public ValueTask<object?> EvaluateAsync(Expression expression, Type returnType, ExpressionContext context, CancellationToken cancellationToken)
    {
        var name = VariableEvaluator.ReferenceName(expression.Value)
            ?? throw new ExpressionException("The Input expression names no workflow input.");
        var value = context.Memory.Input.TryGetValue(name, out var v) ? v
            : context.Memory.Input.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        return ValueTask.FromResult(ValueConverter.Convert(value, returnType));
    }
}

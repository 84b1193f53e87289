using System.Text.Json;
using ElsaM3.Workflows.Serialization;

namespace ElsaM3.Workflows.Expressions;

/// <summary><c>Object</c> (and its obsolete alias <c>Json</c>): the value is a JSON string, parsed and converted.</summary>
public sealed class ObjectEvaluator(string syntax = "Object") : IExpressionEvaluator
{
    public ExpressionDescriptor Descriptor { get; } = new(syntax, syntax, IsBrowsable: false);

    public ValueTask<object?> EvaluateAsync(Expression expression, Type returnType, ExpressionContext context, CancellationToken cancellationToken)
    {
        var text = expression.Text;
        if (string.IsNullOrWhiteSpace(text)) return ValueTask.FromResult<object?>(null);
        try
        {
            var parsed = JsonSerializer.Deserialize<object>(text, WorkflowJson.StateOptions);
            return ValueTask.FromResult(ValueConverter.Convert(parsed, returnType));
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } l ? (int)l + 1 : (int?)null;
            var column = e.BytePositionInLine is { } c ? (int)c + 1 : (int?)null;
            throw new ExpressionException($"Invalid JSON: {e.Message}", line, column);
        }
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace ElsaM3.Workflows.Expressions;

/// <summary><c>Variable</c>: the value of a workflow variable, referenced by a JSON <c>{id, name}</c> object or a bare name.</summary>
public sealed class VariableEvaluator : IExpressionEvaluator
{
    public ExpressionDescriptor Descriptor { get; } = new("Variable", "Variable");

    public ValueTask<object?> EvaluateAsync(Expression expression, Type returnType, ExpressionContext context, CancellationToken cancellationToken)
    {
        var reference = ReferenceName(expression.Value)
            ?? throw new ExpressionException("The Variable expression names no variable.");
        if (!context.Memory.TryGetVariable(reference, out var value))
            throw new ExpressionException($"There is no variable '{reference}'.");
        return ValueTask.FromResult(ValueConverter.Convert(value, returnType));
    }

    /// <summary>The name (or id) inside a reference that may be a JSON-encoded object, an object, or a name.</summary>
    internal static string? ReferenceName(JsonNode? value)
    {
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            var text = v.GetValue<string>().Trim();
            if (!text.StartsWith('{')) return text.Length == 0 ? null : text;
            value = JsonNode.Parse(text);
        }
        return value is JsonObject o
            ? (o["name"] ?? o["Name"] ?? o["id"] ?? o["Id"])?.GetValue<string>()
            : null;
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using ElsaM3.Workflows.Serialization;

namespace ElsaM3.Workflows.Expressions;

/// <summary><c>Literal</c>: the value as written (a string, number or boolean), converted to the input's type.</summary>
public sealed class LiteralEvaluator : IExpressionEvaluator
{
    public ExpressionDescriptor Descriptor { get; } = new("Literal", "Literal", IsBrowsable: false);

    public ValueTask<object?> EvaluateAsync(Expression expression, Type returnType, ExpressionContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ValueConverter.Convert(ToPlain(expression.Value), returnType));

    internal static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.False => false,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.TryGetValue<long>(out var l) ? l : v.GetValue<double>(),
        _ => JsonSerializer.Deserialize<object>(node, WorkflowJson.StateOptions),
    };
}

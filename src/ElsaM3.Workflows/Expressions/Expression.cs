using System.Text.Json;
using System.Text.Json.Nodes;

namespace ElsaM3.Workflows.Expressions;

/// <summary>An expression as stored in an input wrapper: a syntax name (<c>Literal</c>, <c>JavaScript</c>, …) and a value.</summary>
public sealed record Expression(string Type, JsonNode? Value)
{
    public static Expression Literal(object? value) => new("Literal", JsonValue.Create(value));

    /// <summary>The value as text (scripts and templates are strings; Literal values may be numbers or booleans).</summary>
    public string? Text => Value switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => Value.ToJsonString(),
    };

    public static Expression? FromJson(JsonNode? node) => node switch
    {
        JsonObject o => new Expression(
            o["type"]?.GetValue<string>() ?? "Literal",
            o["value"]),
        _ => null,
    };
}

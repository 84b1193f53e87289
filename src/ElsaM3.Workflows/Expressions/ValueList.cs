using System.Collections;
using System.Text.Json;
using ElsaM3.Workflows.Serialization;

namespace ElsaM3.Workflows.Expressions;

/// <summary>One value or many as a list: a list, a JSON array (as text or as read), or one value (ForEach's items, Complete's outcomes).</summary>
internal static class ValueList
{
    public static List<object?> From(object? value) => value switch
    {
        null => [],
        string text when text.TrimStart().StartsWith('[') => From(JsonSerializer.Deserialize<JsonElement>(text)),
        string text => [text],
        JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Select(e => WorkflowJson.ToPlain(e)).ToList(),
        JsonElement element => [WorkflowJson.ToPlain(element)],
        IDictionary => [WorkflowJson.ToPlain(value)],
        IEnumerable items => items.Cast<object?>().Select(WorkflowJson.ToPlain).ToList(),
        _ => [value],
    };
}

using System.Collections;
using System.Text.Json;
using ElsaM3.Workflows.Serialization;

namespace ElsaM3.Workflows.Looping;

/// <summary>The values a ForEach goes through: a list, a JSON array (as text or as read), or one value.</summary>
internal static class LoopItems
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

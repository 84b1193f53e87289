using System.Collections;
using System.Text.Json;
using ElsaM3.Workflows.Serialization;
using Scriban.Runtime;

namespace ElsaM3.Workflows.Scriban;

/// <summary>
/// <c>{{ value | json }}</c>: the value as JSON, quotes and control characters escaped, so a template can answer JSON
/// built from case data (<c>{{ {"case": reference, "status": "accepted"} | json }}</c>) without data rewriting it.
/// </summary>
public sealed class JsonFunction : IScriptFunctions
{
    private static readonly IScriptCustomFunction Json = DelegateCustomFunction.CreateFunc<object?, string>(value => JsonSerializer.Serialize(ToPlain(value), WorkflowJson.StateOptions));

    public void Import(ScriptObject root) => root.SetValue("json", Json, readOnly: true);

    private static object? ToPlain(object? value) => value switch
    {
        null => null,
        string or bool or long or int or double or decimal or float => value,
        IDictionary<string, object?> map => map.ToDictionary(p => p.Key, p => ToPlain(p.Value)),
        IEnumerable list => list.Cast<object?>().Select(ToPlain).ToList(),
        DateTime or DateTimeOffset or Guid or TimeSpan => value,
        _ => value.ToString(),
    };
}

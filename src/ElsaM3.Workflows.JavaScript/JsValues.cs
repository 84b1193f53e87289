using System.Collections;
using System.Dynamic;
using ElsaM3.Workflows.Serialization;
using Jint;
using Jint.Native;

namespace ElsaM3.Workflows.JavaScript;

/// <summary>Converts between the runtime's plain values and JavaScript values.</summary>
internal static class JsValues
{
    public static JsValue FromPlain(Engine engine, object? value)
    {
        switch (value)
        {
            case null: return JsValue.Null;
            case string s: return new JsString(s);
            case bool b: return b ? JsBoolean.True : JsBoolean.False;
            case long or int or double or decimal or float: return new JsNumber(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
            case IDictionary<string, object?> map:
                var obj = new JsObject(engine);
                foreach (var (key, item) in map) obj.FastSetDataProperty(key, FromPlain(engine, item));
                return obj;
            case IEnumerable list and not IDictionary:
                return new JsArray(engine, list.Cast<object?>().Select(i => FromPlain(engine, i)).ToArray());
            case DateTimeOffset or DateTime or TimeSpan or Guid:
                return new JsString(Expressions.ValueConverter.ToText(value));
            default:
                return FromPlain(engine, WorkflowJson.ToPlain(value));
        }
    }

    public static object? ToPlain(JsValue value)
    {
        if (value.IsNull() || value.IsUndefined()) return null;
        if (value.IsString()) return value.AsString();
        if (value.IsBoolean()) return value.AsBoolean();
        if (value.IsNumber())
        {
            var d = value.AsNumber();
            return d % 1 == 0 && d is >= long.MinValue and <= long.MaxValue ? (long)d : d;
        }
        return Normalize(value.ToObject());
    }

    private static object? Normalize(object? value) => value switch
    {
        null => null,
        ExpandoObject expando => ((IDictionary<string, object?>)expando).ToDictionary(p => p.Key, p => Normalize(p.Value)),
        IDictionary<string, object?> map => map.ToDictionary(p => p.Key, p => Normalize(p.Value)),
        string s => s,
        double d => d % 1 == 0 && d is >= long.MinValue and <= long.MaxValue ? (long)d : d,
        IEnumerable list => list.Cast<object?>().Select(Normalize).ToList(),
        _ => value,
    };
}

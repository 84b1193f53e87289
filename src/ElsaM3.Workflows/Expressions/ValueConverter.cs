using System.Collections;
using System.Globalization;
using System.Text.Json;
using ElsaM3.Workflows.Serialization;

namespace ElsaM3.Workflows.Expressions;

/// <summary>Converts evaluated values to the type an input or variable declares.</summary>
public static class ValueConverter
{
    public static T? Convert<T>(object? value) => (T?)Convert(value, typeof(T));

    public static object? Convert(object? value, Type target)
    {
        var underlying = Nullable.GetUnderlyingType(target);
        if (value is null || (value is string { Length: 0 } && target != typeof(string) && target != typeof(object)))
            return target.IsValueType && underlying is null ? Activator.CreateInstance(target) : null;
        target = underlying ?? target;
        if (target == typeof(object) || target.IsInstanceOfType(value)) return value;
        if (target == typeof(string)) return ToText(value);

        try
        {
            if (value is string text) return FromText(text, target);
            if (target.IsEnum) return Enum.ToObject(target, value);
            if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(target) && target != typeof(DateTime))
                return System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
            if (value is IEnumerable items && value is not IDictionary && TryConvertSequence(items, target, out var sequence))
                return sequence;
            return ViaJson(value, target);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or JsonException or ArgumentException)
        {
            throw new ExpressionException($"Cannot convert '{Describe(value)}' to {target.Name}: {e.Message}");
        }
    }

    public static string ToText(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IDictionary or IEnumerable => JsonSerializer.Serialize(value, value.GetType(), WorkflowJson.StateOptions),
        _ => value.ToString() ?? "",
    };

    private static object? FromText(string text, Type target)
    {
        if (target == typeof(bool)) return bool.Parse(text.Trim());
        if (target == typeof(int)) return int.Parse(text, CultureInfo.InvariantCulture);
        if (target == typeof(long)) return long.Parse(text, CultureInfo.InvariantCulture);
        if (target == typeof(double)) return double.Parse(text, CultureInfo.InvariantCulture);
        if (target == typeof(decimal)) return decimal.Parse(text, CultureInfo.InvariantCulture);
        if (target == typeof(TimeSpan)) return TimeSpan.Parse(text, CultureInfo.InvariantCulture);
        if (target == typeof(DateTimeOffset)) return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
        if (target == typeof(DateTime)) return DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        if (target == typeof(Guid)) return Guid.Parse(text);
        if (target.IsEnum) return Enum.Parse(target, text.Trim(), ignoreCase: true);
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('[') || trimmed.StartsWith('{'))
        {
            var parsed = JsonSerializer.Deserialize<object>(text, WorkflowJson.StateOptions);
            return Convert(parsed, target);
        }
        if (target.IsArray || (target.IsGenericType && typeof(IEnumerable).IsAssignableFrom(target)))
            return Convert(new List<object?> { text }, target);
        return System.Convert.ChangeType(text, target, CultureInfo.InvariantCulture);
    }

    private static bool TryConvertSequence(IEnumerable items, Type target, out object? result)
    {
        var elementType = target.IsArray ? target.GetElementType()
            : target.IsGenericType && target.GetGenericArguments().Length == 1 ? target.GetGenericArguments()[0] : null;
        result = null;
        if (elementType is null) return false;
        var converted = items.Cast<object?>().Select(i => Convert(i, elementType)).ToList();
        if (target.IsArray)
        {
            var array = Array.CreateInstance(elementType, converted.Count);
            for (var i = 0; i < converted.Count; i++) array.SetValue(converted[i], i);
            result = array;
            return true;
        }
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;
        foreach (var item in converted) list.Add(item);
        if (!target.IsInstanceOfType(list)) return false;
        result = list;
        return true;
    }

    private static object? ViaJson(object value, Type target) =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), WorkflowJson.StateOptions), target, WorkflowJson.StateOptions);

    private static string Describe(object value)
    {
        var text = ToText(value);
        return text.Length > 60 ? text[..60] + "…" : text;
    }
}

using System.Collections;

namespace ElsaM3.Workflows.Descriptors;

/// <summary>Elsa's type aliases (<c>String</c>, <c>Int32</c>, <c>String[]</c>, …) in both directions.</summary>
public static class TypeAliases
{
    private static readonly Dictionary<string, Type> ByAlias = new(StringComparer.OrdinalIgnoreCase)
    {
        ["String"] = typeof(string),
        ["Int32"] = typeof(int),
        ["Int64"] = typeof(long),
        ["Boolean"] = typeof(bool),
        ["Object"] = typeof(object),
        ["Double"] = typeof(double),
        ["Single"] = typeof(float),
        ["Decimal"] = typeof(decimal),
        ["TimeSpan"] = typeof(TimeSpan),
        ["DateTime"] = typeof(DateTime),
        ["DateTimeOffset"] = typeof(DateTimeOffset),
        ["Guid"] = typeof(Guid),
        ["JSON"] = typeof(object),
        ["JsonElement"] = typeof(object),
        ["ObjectMap"] = typeof(Dictionary<string, object?>),
        ["StringMap"] = typeof(Dictionary<string, string>),
        ["ByteArray"] = typeof(byte[]),
    };

    private static readonly Dictionary<Type, string> ByType = ByAlias
        .Where(p => p.Key is not ("JSON" or "JsonElement"))
        .ToDictionary(p => p.Value, p => p.Key);

    /// <summary>The CLR type for an alias or an assembly-qualified name; <see cref="object"/> when unknown.</summary>
    public static Type Resolve(string? typeName)
    {
        if (string.IsNullOrWhiteSpace(typeName)) return typeof(object);
        if (ByAlias.TryGetValue(typeName, out var type)) return type;
        if (typeName.EndsWith("[]", StringComparison.Ordinal))
            return Resolve(typeName[..^2]).MakeArrayType();
        return Type.GetType(typeName, throwOnError: false) ?? typeof(object);
    }

    public static string AliasOf(Type type)
    {
        if (ByType.TryGetValue(type, out var alias)) return alias;
        if (type == typeof(Expressions.DeferredExpression)) return "String";
        var nullable = Nullable.GetUnderlyingType(type);
        if (nullable is not null) return AliasOf(nullable);
        if (type.IsArray) return AliasOf(type.GetElementType()!) + "[]";
        if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) && type.GetGenericArguments().Length == 1)
            return AliasOf(type.GetGenericArguments()[0]) + "[]";
        return type.FullName ?? type.Name;
    }
}

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

    /// <summary>The same types by their .NET names (and the System.Text.Json types Elsa files name), so files that spell a type out still load.</summary>
    private static readonly Dictionary<string, Type> ByFullName = ByAlias.Values.Distinct()
        .Select(t => (t.FullName!, t))
        .Concat([
            ("System.Text.Json.JsonElement", typeof(object)), ("System.Text.Json.Nodes.JsonObject", typeof(object)),
            ("System.Text.Json.Nodes.JsonNode", typeof(object)), ("System.Text.Json.Nodes.JsonArray", typeof(object)),
        ])
        .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);

    private static readonly Dictionary<Type, string> ByType = ByAlias
        .Where(p => p.Key is not ("JSON" or "JsonElement"))
        .ToDictionary(p => p.Value, p => p.Key);

    /// <summary>
    /// The CLR type for an allowed alias or .NET name (arrays of them too); <see cref="object"/> for anything else.
    /// A type name never loads a type of its own choosing: names come from workflow files anyone may import.
    /// </summary>
    public static Type Resolve(string? typeName) => TryResolve(typeName, out var type) ? type : typeof(object);

    /// <summary>Whether <paramref name="typeName"/> is on the allow-list: Elsa's aliases, their .NET names, arrays of them.</summary>
    public static bool IsAllowed(string? typeName) => string.IsNullOrWhiteSpace(typeName) || TryResolve(typeName, out _);

    /// <summary>The names a variable may have as its type, for messages.</summary>
    public static IEnumerable<string> Allowed => ByAlias.Keys;

    private static bool TryResolve(string? typeName, out Type type)
    {
        type = typeof(object);
        if (string.IsNullOrWhiteSpace(typeName)) return true;
        var name = typeName.Trim();
        if (name.EndsWith("[]", StringComparison.Ordinal))
        {
            if (!TryResolve(name[..^2], out var element) || name[..^2].EndsWith("[]", StringComparison.Ordinal)) return false;
            type = element.MakeArrayType();
            return true;
        }
        var comma = name.IndexOf(',');
        if (comma > 0) name = name[..comma].Trim(); // "System.String, System.Private.CoreLib": the assembly is not ours to choose
        if (ByAlias.TryGetValue(name, out var aliased) || ByFullName.TryGetValue(name, out aliased))
        {
            type = aliased;
            return true;
        }
        return false;
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

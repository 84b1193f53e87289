using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace ElsaM3.M3pp.Identifiers;

/// <summary>An identifier that is a trimmed string matching one pattern.</summary>
public interface IPatternIdentifier<TSelf> where TSelf : struct, IPatternIdentifier<TSelf>
{
    static abstract Regex Pattern { get; }

    /// <summary>What the identifier is called in error messages, e.g. "Asset key".</summary>
    static abstract string Name { get; }

    /// <summary>A valid example shown in error messages.</summary>
    static abstract string Example { get; }

    static abstract TSelf Create(string value);
}

/// <summary>Parsing shared by every <see cref="IPatternIdentifier{TSelf}"/>.</summary>
public static class PatternIdentifier
{
    public static bool TryParse<T>(string? text, [NotNullWhen(true)] out T? value, [NotNullWhen(false)] out string? error)
        where T : struct, IPatternIdentifier<T>
    {
        var trimmed = text?.Trim() ?? "";
        error = trimmed.Length == 0 ? $"{T.Name} is empty"
            : T.Pattern.IsMatch(trimmed) ? null
            : $"{T.Name} '{trimmed}' is not in the form {T.Example}";
        value = error is null ? T.Create(trimmed) : null;
        return error is null;
    }

    public static T Parse<T>(string? text) where T : struct, IPatternIdentifier<T> =>
        TryParse<T>(text, out var value, out var error) ? value.Value : throw new FormatException(error + ".");
}

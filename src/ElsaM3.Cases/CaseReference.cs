using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace ElsaM3.Cases;

/// <summary>A CXM case reference: 1–50 of <c>[A-Za-z0-9/_-]</c>.</summary>
public readonly partial record struct CaseReference
{
    private CaseReference(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static bool TryParse(string? text, [NotNullWhen(true)] out CaseReference? reference, out string? error)
    {
        reference = null;
        error = text switch
        {
            null or "" => "is required",
            { Length: > 50 } => "must be at most 50 characters",
            _ when !Pattern().IsMatch(text) => "may contain only letters, digits, '/', '_' and '-'",
            _ => null,
        };
        if (error is null) reference = new CaseReference(text!);
        return error is null;
    }

    public static CaseReference Parse(string? text) =>
        TryParse(text, out var reference, out var error) ? reference.Value : throw new FormatException($"Case reference '{text}' {error}.");

    [GeneratedRegex("^[A-Za-z0-9/_-]{1,50}$")]
    private static partial Regex Pattern();
}

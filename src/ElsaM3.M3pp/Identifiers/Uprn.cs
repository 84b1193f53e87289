using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ElsaM3.M3pp.Identifiers;

/// <summary>
/// A Unique Property Reference Number: 1 to 12 digits, not all zeros. Held in canonical form (leading zeros
/// removed), so <c>000000199356</c> and <c>199356</c> are the same UPRN; sent to M3 as a string.
/// </summary>
public readonly record struct Uprn
{
    private Uprn(long value) => Value = value;

    public long Value { get; }

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, [NotNullWhen(true)] out Uprn? uprn, [NotNullWhen(false)] out string? error)
    {
        uprn = null;
        var trimmed = text?.Trim() ?? "";
        error = trimmed switch
        {
            "" => "is empty",
            { Length: > 12 } => $"'{trimmed}' has more than 12 digits",
            _ when !trimmed.All(char.IsAsciiDigit) => $"'{trimmed}' is not all digits",
            _ when trimmed.All(c => c == '0') => "is all zeros",
            _ => null,
        };
        if (error is null) uprn = new Uprn(long.Parse(trimmed, CultureInfo.InvariantCulture));
        return error is null;
    }

    public static Uprn Parse(string? text) =>
        TryParse(text, out var uprn, out var error) ? uprn.Value : throw new FormatException($"UPRN {error}.");
}

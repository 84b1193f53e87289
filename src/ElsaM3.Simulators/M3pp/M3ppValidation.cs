using System.Globalization;
using System.Text.RegularExpressions;
using ElsaM3.M3pp.Contracts;
using ElsaM3.M3pp.Formats;
using ElsaM3.M3pp.Identifiers;

namespace ElsaM3.Simulators.M3pp;

/// <summary>The validation rules of §6.4–6.6; every failure is collected so one answer lists them all.</summary>
internal sealed partial class M3ppValidation
{
    private readonly List<ErrorItem> _errors = [];

    public IReadOnlyList<ErrorItem> Errors => _errors;
    public bool IsValid => _errors.Count == 0;

    public void Add(string code, string field, string message) => _errors.Add(new ErrorItem(code, field, message));

    /// <summary>Checks a required code's presence and format; returns the trimmed code when both hold.</summary>
    public string? Code(string? value, string field, string label)
    {
        var code = value?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            Add("REQUIRED", field, $"{label} is required.");
            return null;
        }
        if (!CodePattern().IsMatch(code))
        {
            Add("INVALID_FORMAT", field, $"{label} '{code}' must be 1-10 of A-Z, 0-9 and _.");
            return null;
        }
        return code;
    }

    public void MaxLength(string? value, int max, string field, string label)
    {
        if (value is not null && value.Length > max) Add("TOO_LONG", field, $"{label} is longer than {max} characters.");
    }

    public bool Uprn(string? value, string field, string label, out string? canonical)
    {
        canonical = null;
        if (!ElsaM3.M3pp.Identifiers.Uprn.TryParse(value, out var uprn, out var error))
        {
            Add("INVALID_UPRN", field, $"{label} {error}.");
            return false;
        }
        canonical = uprn.Value.ToString();
        return true;
    }

    public void AttributeValue(M3ppSeed.AttributeDefinition definition, string? value, string field, DateOnly today)
    {
        var text = value?.Trim() ?? "";
        string? problem = definition.DataType switch
        {
            "TEXT" when definition.MaxLength is { } max && text.Length > max => $"is longer than {max} characters",
            "NUMBER" when !decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _) => $"'{text}' is not a number",
            "NUMBER" when decimal.Parse(text, CultureInfo.InvariantCulture) is var n && (n < definition.Min || n > definition.Max) =>
                $"{text} is outside {definition.Min}-{definition.Max}",
            "DATE" when !M3DateTime.TryParseDate(text, out _) => $"'{text}' is not a date (YYYY-MM-DD)",
            "BOOLEAN" when text is not ("Y" or "N") => $"'{text}' must be Y or N",
            "CODE" when definition.AllowedValues is { } allowed && !allowed.Contains(text) => $"'{text}' is not allowed (allowed: {string.Join(", ", allowed)})",
            _ => null,
        };
        if (problem is not null) Add("INVALID_ATTRIBUTE_VALUE", field, $"Attribute {definition.Code} {problem}.");
    }

    public static bool IsEmail(string value) => EmailPattern().IsMatch(value);
    public static bool IsTelephone(string value) => TelephonePattern().IsMatch(value);
    public static bool IsExternalReference(string value) => ExternalReferencePattern().IsMatch(value);
    public static bool IsAssetKey(string? value) => PatternIdentifier.TryParse<AssetKey>(value, out _, out _);
    public static bool IsSiteKey(string? value) => PatternIdentifier.TryParse<SiteKey>(value, out _, out _);

    [GeneratedRegex("^[A-Z0-9_]{1,10}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^[0-9 +()\-]{1,20}$")]
    private static partial Regex TelephonePattern();

    [GeneratedRegex(@"^[A-Za-z0-9/_\-]{1,50}$")]
    private static partial Regex ExternalReferencePattern();
}

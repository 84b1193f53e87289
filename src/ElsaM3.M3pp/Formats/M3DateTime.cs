using System.Globalization;

namespace ElsaM3.M3pp.Formats;

/// <summary>
/// M3's date-time rules (§6.1): ISO 8601 with an offset; a value without one is Europe/London local time.
/// Dates are <c>yyyy-MM-dd</c>.
/// </summary>
public static class M3DateTime
{
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static readonly string[] DateFormats = ["yyyy-MM-dd"];

    /// <summary>Parses an ISO 8601 date-time; without an offset it is London time (a time skipped by the clock change is an error).</summary>
    public static bool TryParse(string? text, out DateTimeOffset value, out string? error)
    {
        value = default;
        error = null;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            error = "is empty";
            return false;
        }
        if (!DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) || !trimmed.Contains('-'))
        {
            error = $"'{trimmed}' is not an ISO 8601 date-time";
            return false;
        }
        if (HasOffset(trimmed))
        {
            value = DateTimeOffset.Parse(trimmed, CultureInfo.InvariantCulture);
            return true;
        }
        return TryFromLondon(parsed, out value, out error);
    }

    /// <summary>London wall-clock time as an instant; a time the spring clock change skips is an error.</summary>
    public static bool TryFromLondon(DateTime local, out DateTimeOffset value, out string? error)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        value = default;
        error = null;
        if (London.IsInvalidTime(local))
        {
            error = $"'{local:yyyy-MM-ddTHH:mm}' does not exist in Europe/London (the clocks go forward)";
            return false;
        }
        value = new DateTimeOffset(local, London.GetUtcOffset(local));
        return true;
    }

    /// <summary>The instant in London time with its offset, e.g. <c>2025-03-14T22:47:00+00:00</c>.</summary>
    public static string Format(DateTimeOffset value) =>
        TimeZoneInfo.ConvertTime(value, London).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The London calendar date of an instant.</summary>
    public static DateOnly LondonDate(DateTimeOffset value) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(value, London).DateTime);

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static bool HasOffset(string text)
    {
        var t = text.IndexOf('T');
        if (t < 0) return false;
        var time = text[(t + 1)..];
        return time.EndsWith('Z') || time.Contains('+') || time.Contains('-');
    }
}

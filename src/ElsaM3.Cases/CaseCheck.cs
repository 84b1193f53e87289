using System.Globalization;

namespace ElsaM3.Cases;

/// <summary>
/// Checks a case as CXM sends it (<c>cxm-case-api.md</c> §1): a JSON object with a valid <c>reference</c>; every other
/// part optional but of the documented shape. Each problem names the field, e.g. <c>dates.created: '31/12' is not
/// an ISO 8601 date-time</c>.
/// </summary>
public static partial class CaseCheck
{
    private const int MaxProblems = 10;

    public static IReadOnlyList<string> Problems(object? body)
    {
        if (body is not IDictionary<string, object?> @case)
            return ["the body must be a JSON object: the case, with at least a 'reference'."];
        var problems = new List<string>();
        if (!@case.TryGetValue("reference", out var reference) || reference is null)
            problems.Add("reference: is required (the CXM case reference).");
        else if (reference is not string text)
            problems.Add("reference: must be a string.");
        else if (!CaseReference.TryParse(text, out _, out var error))
            problems.Add($"reference: {error}.");

        foreach (var name in (string[])["caseType", "status"])
            if (@case.TryGetValue(name, out var value) && value is not (null or string)) problems.Add($"{name}: must be a string.");
        if (@case.TryGetValue("createdAt", out var createdAt)) CheckDate(createdAt, "createdAt", problems);

        if (Part(@case, "fields", problems) is { } fields)
            foreach (var (name, value) in fields)
                if (!IsFieldValue(value))
                    problems.Add($"fields.{name}: must be a string, number, true/false or a choice {{ \"value\", \"label\" }}.");
        if (Part(@case, "dates", problems) is { } dates)
            foreach (var (name, value) in dates) CheckDate(value, $"dates.{name}", problems);
        Part(@case, "person", problems);
        Part(@case, "address", problems);
        if (Part(@case, "references", problems) is { } references)
            foreach (var (name, value) in references)
                if (value is not (null or string)) problems.Add($"references.{name}: must be a string or null.");
        return problems.Count > MaxProblems ? [.. problems.Take(MaxProblems), $"... and {problems.Count - MaxProblems} more."] : problems;
    }

    /// <summary>An optional object part; a part of another type is a problem.</summary>
    private static IDictionary<string, object?>? Part(IDictionary<string, object?> @case, string name, List<string> problems)
    {
        if (!@case.TryGetValue(name, out var value) || value is null) return null;
        if (value is IDictionary<string, object?> part) return part;
        problems.Add($"{name}: must be a JSON object.");
        return null;
    }

    /// <summary>A scalar, or a choice whose <c>value</c> is a scalar.</summary>
    private static bool IsFieldValue(object? value) =>
        IsScalar(value) || (value is IDictionary<string, object?> choice && choice.TryGetValue("value", out var chosen) && IsScalar(chosen));

    private static bool IsScalar(object? value) => value is null or string or bool or long or int or double or decimal;

    private static void CheckDate(object? value, string name, List<string> problems)
    {
        if (value is null) return;
        if (value is not string text || !IsoDate().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
            problems.Add($"{name}: '{Shorten(value)}' is not an ISO 8601 date-time (e.g. 2025-03-14T22:47:00+00:00).");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?)?$")]
    private static partial System.Text.RegularExpressions.Regex IsoDate();

    private static string Shorten(object? value)
    {
        var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        return text.Length > 40 ? text[..40] + "…" : text;
    }
}

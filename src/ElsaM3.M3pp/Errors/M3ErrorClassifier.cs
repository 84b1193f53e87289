using System.Net;
using System.Text.Json;

namespace ElsaM3.M3pp.Errors;

/// <summary>
/// Turns an HTTP answer or a network failure into an <see cref="M3Error"/> (HUBis contract §6.7): when the body
/// says <c>retryable</c> it decides; otherwise the status decides; any network failure or timeout is transient.
/// </summary>
public static class M3ErrorClassifier
{
    public static M3Error FromResponse(int status, string? body, TimeSpan? retryAfter = null)
    {
        var (category, retryable, details, existing) = ParseBody(body);
        category ??= FromStatus(status);
        if (retryable == true) category = M3ErrorCategory.Transient;
        else if (retryable == false && category == M3ErrorCategory.Transient) category = M3ErrorCategory.Validation;
        if (details.Count == 0)
            details = [new M3ErrorDetail($"HTTP_{status}", null, $"M3 answered {status} {ReasonPhrase(status)}.")];
        return new M3Error(category.Value, status, details) { RetryAfter = retryAfter, ExistingReference = existing };
    }

    public static M3Error FromException(Exception exception) => new(M3ErrorCategory.Transient, null,
        [new M3ErrorDetail(exception is TimeoutException or TaskCanceledException ? "TIMEOUT" : "CONNECTION_FAILED", null, exception.Message)]);

    public static M3ErrorCategory FromStatus(int status) => status switch
    {
        400 or 422 => M3ErrorCategory.Validation,
        401 or 403 => M3ErrorCategory.Authentication,
        404 => M3ErrorCategory.NotFound,
        409 => M3ErrorCategory.Conflict,
        408 or 429 or >= 500 => M3ErrorCategory.Transient,
        _ => M3ErrorCategory.Validation,
    };

    private static (M3ErrorCategory? Category, bool? Retryable, IReadOnlyList<M3ErrorDetail> Details, string? ExistingReference) ParseBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return (null, null, [], null);
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, null, [], null);
            M3ErrorCategory? category = root.TryGetProperty("category", out var c) && c.ValueKind == JsonValueKind.String
                && Enum.TryParse<M3ErrorCategory>(c.GetString()!.Replace("_", ""), ignoreCase: true, out var parsed) ? parsed : null;
            bool? retryable = root.TryGetProperty("retryable", out var r) && r.ValueKind is JsonValueKind.True or JsonValueKind.False ? r.GetBoolean() : null;
            var details = root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
                ? errors.EnumerateArray().Select(e => new M3ErrorDetail(
                    Text(e, "code") ?? "ERROR", Text(e, "field"), Text(e, "message") ?? "")).ToList()
                : [];
            return (category, retryable, details, Text(root, "existingReference"));
        }
        catch (JsonException)
        {
            return (null, null, [], null);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string ReasonPhrase(int status) => Enum.IsDefined(typeof(HttpStatusCode), status) ? ((HttpStatusCode)status).ToString() : "";
}

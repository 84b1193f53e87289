using ElsaM3.M3pp.Contracts;

namespace ElsaM3.Simulators;

/// <summary>Error answers in the contract's shape (§6.7), with the correlation id of the call.</summary>
public static class SimulatorErrors
{
    public static IResult Validation(HttpContext http, IReadOnlyList<ErrorItem> errors, IReadOnlyList<string>? missing = null) =>
        Error(http, 422, "validation", "Validation failed", errors, missing: missing);

    public static IResult BadRequest(HttpContext http, string message) =>
        Error(http, 400, "validation", "Malformed request", [new ErrorItem("MALFORMED_REQUEST", null, message)]);

    public static IResult NotFound(HttpContext http, string code, string message) =>
        Error(http, 404, "not_found", "Not found", [new ErrorItem(code, null, message)]);

    public static IResult Conflict(HttpContext http, string code, string message, string? existingReference = null) =>
        Error(http, 409, "conflict", "Conflict", [new ErrorItem(code, null, message)], existingReference);

    public static IResult Unauthorized(HttpContext http) =>
        Error(http, 401, "authentication", "Unauthorized", [new ErrorItem("INVALID_API_KEY", null, "The X-Api-Key header is missing or wrong.")]);

    public static IResult Transient(HttpContext http, int status, string code, string message) =>
        Error(http, status, "transient", "Service unavailable", [new ErrorItem(code, null, message)]);

    public static IResult Error(HttpContext http, int status, string category, string title, IReadOnlyList<ErrorItem> errors,
        string? existingReference = null, IReadOnlyList<string>? missing = null) =>
        Results.Json(new ErrorBody
        {
            Type = $"https://m3pp-sim/errors/{category}",
            Title = title,
            Status = status,
            Category = category,
            Retryable = category == "transient",
            CorrelationId = CorrelationIds.Of(http),
            Errors = errors,
            ExistingReference = existingReference,
            Missing = missing,
        }, statusCode: status);
}

/// <summary>Every answer carries <c>X-Correlation-Id</c>: the caller's, or a new one.</summary>
public static class CorrelationIds
{
    public const string Header = "X-Correlation-Id";

    public static string Of(HttpContext http)
    {
        if (http.Items[Header] is string known) return known;
        var id = http.Request.Headers[Header].FirstOrDefault() is { Length: > 0 } given ? given : Guid.NewGuid().ToString();
        http.Items[Header] = id;
        http.Response.Headers[Header] = id;
        return id;
    }
}

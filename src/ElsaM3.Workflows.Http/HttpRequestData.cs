namespace ElsaM3.Workflows.Http;

/// <summary>The request that triggered or resumed a workflow, in plain values (it is persisted with the state).</summary>
public sealed record HttpRequestData(
    string Path,
    string Method,
    IReadOnlyDictionary<string, object?> Headers,
    IReadOnlyDictionary<string, object?> Query,
    IReadOnlyDictionary<string, object?> RouteData,
    object? Body);

/// <summary>Keys of the per-run transient objects the HTTP middleware passes to activities.</summary>
public static class HttpTransient
{
    public const string HttpContext = "HttpContext";

    /// <summary>The <c>HttpContext.Items</c> key set once <c>WriteHttpResponse</c> has written the answer.</summary>
    public const string ResponseWritten = "ElsaM3.Http.ResponseWritten";

    /// <summary>
    /// The <c>HttpContext.Items</c> key of the JSON a trigger asks to answer with (<c>202 Accepted</c>) when no
    /// Write HTTP Response answers first.
    /// </summary>
    public const string AcceptedAnswer = "ElsaM3.Http.AcceptedAnswer";
}

namespace ElsaM3.Workflows.Http.Triggers;

/// <summary>
/// What an HTTP Endpoint asks of a request before it may start or resume its workflow: a signed-in caller, a policy
/// (by name, e.g. <c>cxm</c>), a body size limit. Carried in the trigger's and the bookmark's stored payload.
/// </summary>
public sealed record HttpEndpointRules(bool Authorize, string? Policy, long? RequestSizeLimit)
{
    private const string AuthorizeKey = "authorize";
    private const string PolicyKey = "policy";
    private const string RequestSizeLimitKey = "requestSizeLimit";

    public static readonly HttpEndpointRules None = new(false, null, null);

    /// <summary>A policy implies a signed-in caller.</summary>
    public bool RequiresCaller => Authorize || !string.IsNullOrWhiteSpace(Policy);

    public static HttpEndpointRules From(HttpEndpointInput input) =>
        new(input.Authorize, string.IsNullOrWhiteSpace(input.Policy) ? null : input.Policy.Trim(), input.RequestSizeLimit);

    public Dictionary<string, object?> AddTo(Dictionary<string, object?> payload)
    {
        payload[AuthorizeKey] = Authorize;
        payload[PolicyKey] = Policy;
        payload[RequestSizeLimitKey] = RequestSizeLimit;
        return payload;
    }

    /// <summary>The rules in a stored payload; a payload stored before rules existed has none.</summary>
    public static HttpEndpointRules Read(object? payload) => payload is not IReadOnlyDictionary<string, object?> values
        ? None
        : new(values.GetValueOrDefault(AuthorizeKey) is true, values.GetValueOrDefault(PolicyKey) as string,
            values.GetValueOrDefault(RequestSizeLimitKey) switch { long l => l, int i => i, double d => (long)d, _ => null });
}

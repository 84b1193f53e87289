namespace ElsaM3.Workflows.Http;

/// <summary>HTTP trigger settings, bound to <c>ElsaM3:Http</c>.</summary>
public sealed class HttpOptions
{
    /// <summary>The configuration section this binds to.</summary>
    public const string Section = "ElsaM3:Http";

    /// <summary>Requests under this path are routed to workflows. Default <c>/workflows</c>.</summary>
    public string BasePath { get; set; } = "/workflows";

    /// <summary>Largest request body accepted, in bytes, unless an endpoint sets its own. Default 1 MiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Request headers never stored (beyond the built-in Authorization, Proxy-Authorization, Cookie, Set-Cookie,
    /// X-Api-Key and X-Signature), e.g. a CXM set-up's own token header.
    /// </summary>
    public List<string> SensitiveHeaders { get; set; } = [];

    /// <summary>Timeout of <c>FlowSendHttpRequest</c> calls. Default 30 s.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

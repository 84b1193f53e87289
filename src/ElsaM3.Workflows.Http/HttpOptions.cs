namespace ElsaM3.Workflows.Http;

/// <summary>HTTP trigger settings, bound to <c>ElsaM3:Http</c>.</summary>
public sealed class HttpOptions
{
    /// <summary>Requests under this path are routed to workflows. Default <c>/workflows</c>.</summary>
    public string BasePath { get; set; } = "/workflows";

    /// <summary>Largest request body accepted, in bytes, unless an endpoint sets its own. Default 1 MiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Timeout of <c>FlowSendHttpRequest</c> calls. Default 30 s.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

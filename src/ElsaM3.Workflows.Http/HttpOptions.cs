using Microsoft.Extensions.Options;

namespace ElsaM3.Workflows.Http;

/// <summary>HTTP trigger settings, bound to <c>ElsaM3:Http</c>.</summary>
public sealed class HttpOptions
{
    /// <summary>The configuration section this binds to.</summary>
    public const string Section = "ElsaM3:Http";

    /// <summary>Requests under this path are routed to workflows. Default <c>/workflows</c>.</summary>
    public string BasePath { get; set; } = "/workflows";

    /// <summary>Largest request body accepted, in bytes, unless an endpoint sets its own. Default 1 MiB.</summary>
    [SettingRange(1d, long.MaxValue, ErrorMessage = Section + ":MaxRequestBodyBytes must be at least 1.")]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Request headers never stored (beyond the built-in Authorization, Proxy-Authorization, Cookie, Set-Cookie,
    /// X-Api-Key and X-Signature), e.g. a CXM set-up's own token header.
    /// </summary>
    public List<string> SensitiveHeaders { get; set; } = [];

    /// <summary>Timeout of <c>FlowSendHttpRequest</c> calls. Default 30 s.</summary>
    [SettingRange(typeof(TimeSpan), "00:00:00.001", "01:00:00", ErrorMessage = Section + ":SendTimeout must be longer than zero and at most an hour.")]
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Checks <see cref="HttpOptions"/> at start (generated from its attributes).</summary>
[OptionsValidator]
public sealed partial class HttpOptionsValidator : IValidateOptions<HttpOptions>;

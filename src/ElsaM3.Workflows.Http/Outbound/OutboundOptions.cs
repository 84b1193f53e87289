namespace ElsaM3.Workflows.Http.Outbound;

/// <summary>
/// Where HTTP activities may send requests, bound to <c>ElsaM3:Http:Outbound</c>. Public addresses are allowed; loopback,
/// link-local (169.254.0.0/16, the cloud metadata address among them), private, shared (CGNAT), multicast and unspecified
/// addresses only when <see cref="Allow"/> names them. <see cref="Deny"/> wins over both.
/// </summary>
public sealed class OutboundOptions
{
    /// <summary>The configuration section this binds to.</summary>
    public const string Section = HttpOptions.Section + ":Outbound";

    /// <summary>Addresses or networks (<c>10.20.0.0/16</c>, <c>192.168.1.5</c>) or host names (<c>m3.council.local</c>, <c>*.council.local</c>) allowed although internal.</summary>
    public List<string> Allow { get; set; } = [];

    /// <summary>Addresses, networks or host names never called, public or not.</summary>
    public List<string> Deny { get; set; } = [];
}

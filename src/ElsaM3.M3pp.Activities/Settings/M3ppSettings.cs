namespace ElsaM3.M3pp.Activities.Settings;

/// <summary>
/// The integration's General tab. Base URLs that start with <c>/</c> mean "this server" (the embedded simulators).
/// API keys are write-only: they are stored but never returned.
/// </summary>
public sealed record M3ppSettings
{
    public bool Enabled { get; init; } = true;

    /// <summary>The worksheet field that receives the CXM case reference (e.g. <c>EXTREF</c>).</summary>
    public string ExternalReferenceField { get; init; } = "EXTREF";

    public string? HubisBaseUrl { get; init; }
    public string? HubisApiKey { get; init; }
    public string? CxmBaseUrl { get; init; }
    public string? CxmApiKey { get; init; }

    /// <summary>How long one call may take before it counts as a (transient) timeout.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>The settings used until an admin saves others, bound to <c>ElsaM3:M3pp</c>.</summary>
public sealed class M3ppOptions
{
    /// <summary>The configuration section this binds to.</summary>
    public const string Section = "ElsaM3:M3pp";

    public bool Enabled { get; set; } = true;
    public string ExternalReferenceField { get; set; } = "EXTREF";
    public string? HubisBaseUrl { get; set; }
    public string? HubisApiKey { get; set; }
    public string? CxmBaseUrl { get; set; }
    public string? CxmApiKey { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public M3ppSettings ToSettings() => new()
    {
        Enabled = Enabled, ExternalReferenceField = ExternalReferenceField, HubisBaseUrl = HubisBaseUrl, HubisApiKey = HubisApiKey,
        CxmBaseUrl = CxmBaseUrl, CxmApiKey = CxmApiKey, Timeout = Timeout,
    };
}

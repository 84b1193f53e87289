namespace ElsaM3.M3pp.Activities.Settings;

/// <summary>
/// The integration's General tab. Base URLs that start with <c>/</c> mean "this server" (the embedded simulators).
/// API keys are write-only: they are stored but never returned. Until an admin saves settings, the ones bound to
/// <c>ElsaM3:M3pp</c> apply.
/// </summary>
public sealed record M3ppSettings
{
    /// <summary>The configuration section the defaults bind to.</summary>
    public const string Section = "ElsaM3:M3pp";

    public bool Enabled { get; init; } = true;

    /// <summary>The worksheet field that receives the CXM case reference (e.g. <c>EXTREF</c>).</summary>
    public string ExternalReferenceField { get; init; } = "EXTREF";

    public string? HubisBaseUrl { get; init; }
    public string? HubisApiKey { get; init; }
    public string? CxmBaseUrl { get; init; }
    public string? CxmApiKey { get; init; }

    /// <summary>How long one call may take before it counts as a (transient) timeout.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How changes made in M3 reach watching workflows.</summary>
    public ChangeStrategy ChangeStrategy { get; init; } = ChangeStrategy.FeedElsePoll;

    /// <summary>How often the feed is read, or each watched record polled.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The shortest and longest poll interval allowed.</summary>
    public static readonly TimeSpan MinPollInterval = TimeSpan.FromMilliseconds(100), MaxPollInterval = TimeSpan.FromHours(1);
}

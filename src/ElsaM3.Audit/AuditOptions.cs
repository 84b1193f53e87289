namespace ElsaM3.Audit;

/// <summary>How long the audit trail is kept, bound to <c>ElsaM3:Audit</c>.</summary>
public sealed class AuditOptions
{
    /// <summary>The configuration section this binds to.</summary>
    public const string Section = "ElsaM3:Audit";

    /// <summary>Entries older than this are deleted; unset keeps them. A council's records policy usually says a year or more.</summary>
    public TimeSpan? Retention { get; set; }

    /// <summary>How often old entries are looked for. Default 1 hour.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Entries deleted per transaction. Default 500.</summary>
    public int PageSize { get; set; } = 500;
}

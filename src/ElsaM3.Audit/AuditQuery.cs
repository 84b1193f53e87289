namespace ElsaM3.Audit;

/// <summary>Filters for the audit trail; all optional.</summary>
public sealed record AuditQuery
{
    public string? Actor { get; init; }
    public AuditAction? Action { get; init; }
    public string? Target { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; } = 50;
}

/// <summary>One page of the audit trail, newest first.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, long TotalCount);

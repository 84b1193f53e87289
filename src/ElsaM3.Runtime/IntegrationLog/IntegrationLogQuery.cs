namespace ElsaM3.Runtime.IntegrationLog;

/// <summary>Filters for the integration log; all optional.</summary>
public sealed record IntegrationLogQuery
{
    public string? CaseReference { get; init; }
    public IntegrationOutcome? Outcome { get; init; }
    public IntegrationDirection? Direction { get; init; }
    public string? Operation { get; init; }
    public string? WorkflowInstanceId { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; } = 50;
}

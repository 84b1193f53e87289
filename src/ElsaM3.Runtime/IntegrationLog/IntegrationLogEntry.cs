namespace ElsaM3.Runtime.IntegrationLog;

/// <summary>One integration action (one attempt sequence, or one retry scheduled): what was done for which case, and how it ended.</summary>
public sealed record IntegrationLogEntry
{
    public required string Id { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public string? CaseReference { get; init; }
    public string? CaseType { get; init; }
    public required string WorkflowDefinitionId { get; init; }
    public required string WorkflowInstanceId { get; init; }
    public required string ActivityId { get; init; }
    public string? ActivityName { get; init; }

    /// <summary>What was attempted, e.g. <c>CreateWorksheet</c> or <c>UpdateAssetAttributes</c>.</summary>
    public required string Operation { get; init; }
    public required IntegrationOutcome Outcome { get; init; }
    public int Attempts { get; init; }

    /// <summary>The worksheet reference or asset key(s) concerned.</summary>
    public string? ExternalReference { get; init; }
    public int? HttpStatus { get; init; }
    public string? ErrorCategory { get; init; }
    public IReadOnlyList<string> Messages { get; init; } = [];
    public long DurationMs { get; init; }
    public string? CorrelationId { get; init; }
}

public enum IntegrationOutcome
{
    Success,
    Invalid,
    Failed,
    Retrying,
    AlreadyExists,
}

/// <summary>Filters for the integration log; all optional.</summary>
public sealed record IntegrationLogQuery
{
    public string? CaseReference { get; init; }
    public IntegrationOutcome? Outcome { get; init; }
    public string? Operation { get; init; }
    public string? WorkflowInstanceId { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; } = 50;
}

/// <summary>Where integration log entries are kept (they are written by the burst's commit, <c>WorkflowCommit.IntegrationLog</c>).</summary>
public interface IIntegrationLog
{
    /// <summary>Newest first.</summary>
    Task<Stores.Page<IntegrationLogEntry>> QueryAsync(IntegrationLogQuery query, CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="max"/> of the oldest entries written before <paramref name="cutoff"/>; returns how many went.</summary>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, int max, CancellationToken cancellationToken);
}

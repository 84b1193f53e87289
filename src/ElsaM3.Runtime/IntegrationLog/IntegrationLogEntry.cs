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
    public IntegrationDirection Direction { get; init; } = IntegrationDirection.Out;
    public int Attempts { get; init; }

    /// <summary>The worksheet reference or asset key(s) concerned.</summary>
    public string? ExternalReference { get; init; }
    public int? HttpStatus { get; init; }
    public string? ErrorCategory { get; init; }
    public IReadOnlyList<string> Messages { get; init; } = [];
    public long DurationMs { get; init; }
    public string? CorrelationId { get; init; }
}

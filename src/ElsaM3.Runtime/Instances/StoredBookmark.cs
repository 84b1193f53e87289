namespace ElsaM3.Runtime.Instances;

/// <summary>A bookmark as stored for lookup: by stimulus hash, or by resume time for timers.</summary>
public sealed record StoredBookmark(
    string Id, string Name, string Hash, string WorkflowInstanceId, string ActivityInstanceId, string? CorrelationId,
    object? Payload, DateTimeOffset CreatedAt, DateTimeOffset? ResumeAt);

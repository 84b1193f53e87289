namespace ElsaM3.Persistence.Entities;

// Row types of the store. Timestamps are stored as UTC ticks so SQLite can compare and sort them.

public sealed class WorkflowDefinitionRow
{
    public string Id { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public int Version { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public bool IsLatest { get; set; }
    public bool IsPublished { get; set; }
    public bool IsSystem { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string Data { get; set; } = "";
}

public sealed class WorkflowInstanceRow
{
    public string Id { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public string DefinitionVersionId { get; set; } = "";
    public int Version { get; set; }
    public int Status { get; set; }
    public int SubStatus { get; set; }
    public string? CorrelationId { get; set; }
    public string? Name { get; set; }
    public int IncidentCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string Data { get; set; } = "";

    /// <summary>The node that ran the instance's latest burst.</summary>
    public string? NodeName { get; set; }
}

public sealed class BookmarkRow
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Hash { get; set; } = "";
    public string WorkflowInstanceId { get; set; } = "";
    public string ActivityInstanceId { get; set; } = "";
    public string? CorrelationId { get; set; }
    public string? Payload { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResumeAt { get; set; }

    /// <summary>The node resuming this due timer (several nodes on PostgreSQL), until <see cref="ClaimedUntil"/>.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>When the claim lapses and another node may take the timer over.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
}

public sealed class TriggerRow
{
    public string Id { get; set; } = "";
    public string WorkflowDefinitionId { get; set; } = "";
    public string WorkflowDefinitionVersionId { get; set; } = "";
    public string Name { get; set; } = "";
    public string ActivityId { get; set; } = "";
    public string Hash { get; set; } = "";
    public string? Payload { get; set; }
}

/// <summary>The journal entries of one execution burst, as a JSON array.</summary>
public sealed class JournalChunkRow
{
    public long Id { get; set; }
    public string WorkflowInstanceId { get; set; } = "";
    public long FirstSequence { get; set; }
    public long LastSequence { get; set; }
    public string Data { get; set; } = "";

    /// <summary>The node that ran this burst.</summary>
    public string? NodeName { get; set; }
}

public sealed class ActivityExecutionRow
{
    public string Id { get; set; } = "";
    public string WorkflowInstanceId { get; set; } = "";
    public string ActivityNodeId { get; set; } = "";
    public int Status { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public string Data { get; set; } = "";
}

public sealed class IncidentRow
{
    public long Id { get; set; }
    public string WorkflowInstanceId { get; set; } = "";
    public string ActivityId { get; set; } = "";
    public string ActivityInstanceId { get; set; } = "";
    public string Message { get; set; } = "";
    public DateTimeOffset Timestamp { get; set; }
}

public sealed class SettingRow
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}

public sealed class IntegrationLogRow
{
    public string Id { get; set; } = "";
    public DateTimeOffset Timestamp { get; set; }
    public string? CaseReference { get; set; }
    public string? CaseType { get; set; }
    public string WorkflowDefinitionId { get; set; } = "";
    public string WorkflowInstanceId { get; set; } = "";
    public string ActivityId { get; set; } = "";
    public string? ActivityName { get; set; }
    public string Operation { get; set; } = "";
    public string Outcome { get; set; } = "";
    public string Direction { get; set; } = "Out";
    public int Attempts { get; set; }
    public string? ExternalReference { get; set; }
    public int? HttpStatus { get; set; }
    public string? ErrorCategory { get; set; }
    public string Messages { get; set; } = "[]";
    public long DurationMs { get; set; }
    public string? CorrelationId { get; set; }
}

/// <summary>A signed request's signature, refused again until <see cref="KeepUntil"/> (on every node, and after a restart).</summary>
public sealed class SeenSignatureRow
{
    public string Signature { get; set; } = "";
    public DateTimeOffset KeepUntil { get; set; }
}

/// <summary>A signed-in session: its user, the refresh token now current, until when, and when and why it ended.</summary>
public sealed class UserSessionRow
{
    public string Id { get; set; } = "";
    public string UserName { get; set; } = "";
    public string CurrentTokenId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedReason { get; set; }
}

namespace ElsaM3.Workflows.Journal;

/// <summary>One journal entry (Elsa's <c>WorkflowExecutionLogRecord</c>).</summary>
public sealed class ExecutionLogRecord
{
    public string Id { get; set; } = "";
    public string WorkflowDefinitionId { get; set; } = "";
    public string WorkflowDefinitionVersionId { get; set; } = "";
    public string WorkflowInstanceId { get; set; } = "";
    public int WorkflowVersion { get; set; }
    public string ActivityInstanceId { get; set; } = "";
    public string? ParentActivityInstanceId { get; set; }
    public string ActivityId { get; set; } = "";
    public string ActivityType { get; set; } = "";
    public int ActivityTypeVersion { get; set; } = 1;
    public string? ActivityName { get; set; }

    /// <summary>The server (node) that ran the burst this record belongs to, as the store recorded it; not kept in the record itself.</summary>
    public string? NodeName { get; set; }
    public string NodeId { get; set; } = "";
    public DateTimeOffset Timestamp { get; set; }
    public long Sequence { get; set; }
    public string EventName { get; set; } = "";
    public string? Message { get; set; }
    public string? Source { get; set; }
    public object? Payload { get; set; }
}

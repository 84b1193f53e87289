namespace ElsaM3.Runtime.Triggers;

/// <summary>A way to start a published workflow, found by the hash of its stimulus.</summary>
public sealed record StoredTrigger(
    string Id, string WorkflowDefinitionId, string WorkflowDefinitionVersionId, string Name, string ActivityId,
    string Hash, object? Payload);

namespace ElsaM3.Workflows.Triggers;

/// <summary>A stimulus that starts a workflow at one of its activities.</summary>
public sealed record WorkflowTrigger(string ActivityId, string Name, string Hash, object? Payload);

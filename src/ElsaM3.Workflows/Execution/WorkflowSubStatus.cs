namespace ElsaM3.Workflows.Execution;

/// <summary>Elsa's sub-status; <see cref="WorkflowSubStatusExtensions.ToStatus"/> gives the main status.</summary>
public enum WorkflowSubStatus
{
    Pending,
    Executing,
    Suspended,
    Finished,
    Cancelled,
    Faulted,
    Interrupted,
}

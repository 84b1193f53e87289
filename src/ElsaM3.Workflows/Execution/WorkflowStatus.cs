namespace ElsaM3.Workflows.Execution;

public enum WorkflowStatus
{
    Running,
    Finished,
}

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

public static class WorkflowSubStatusExtensions
{
    public static WorkflowStatus ToStatus(this WorkflowSubStatus subStatus) => subStatus switch
    {
        WorkflowSubStatus.Finished or WorkflowSubStatus.Cancelled or WorkflowSubStatus.Faulted => WorkflowStatus.Finished,
        _ => WorkflowStatus.Running,
    };
}

public enum ActivityStatus
{
    Pending,
    Running,
    Completed,
    Canceled,
    Faulted,
}

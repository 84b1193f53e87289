namespace ElsaM3.Workflows.Execution;

public static class WorkflowSubStatusExtensions
{
    public static WorkflowStatus ToStatus(this WorkflowSubStatus subStatus) => subStatus switch
    {
        WorkflowSubStatus.Finished or WorkflowSubStatus.Cancelled or WorkflowSubStatus.Faulted => WorkflowStatus.Finished,
        _ => WorkflowStatus.Running,
    };
}

namespace ElsaM3.Workflows.Execution;

public enum WorkflowStatus
{
    Running,
    Finished,
}

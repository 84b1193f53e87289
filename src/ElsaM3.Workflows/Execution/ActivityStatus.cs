namespace ElsaM3.Workflows.Execution;

public enum ActivityStatus
{
    Pending,
    Running,
    Completed,
    Canceled,
    Faulted,
}

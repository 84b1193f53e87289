namespace ElsaM3.Workflows.Activities;

public enum ActivityKind
{
    Action,
    Trigger,
    Task,
    Job,
}

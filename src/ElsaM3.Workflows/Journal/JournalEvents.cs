namespace ElsaM3.Workflows.Journal;

/// <summary>The event names Elsa writes into the journal.</summary>
public static class JournalEvents
{
    public const string Started = "Started";
    public const string Resumed = "Resumed";
    public const string Suspended = "Suspended";
    public const string Completed = "Completed";
    public const string Faulted = "Faulted";
    public const string Canceled = "Canceled";
    public const string WorkflowCancelled = "Workflow cancelled";
}

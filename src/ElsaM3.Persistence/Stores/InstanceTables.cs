namespace ElsaM3.Persistence.Stores;

/// <summary>The tables whose rows belong to one workflow instance (by <c>WorkflowInstanceId</c>): deleted with it.</summary>
internal static class InstanceTables
{
    public static readonly string[] Owned = ["Bookmarks", "Incidents", "JournalChunks", "ActivityExecutions"];
}

namespace ElsaM3.Workflows.Composition;

/// <summary>
/// The property name under which a workflow-as-activity keeps an input or output: the declared name, or with a leading
/// '_' when it is one of the activity's own properties (Elsa's <c>PropertyNameHelper</c>).
/// </summary>
public static class WorkflowActivityPropertyNames
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "Id", "NodeId", "Name", "Type", "Version", "CustomProperties", "Metadata", "SyntheticProperties", "Root", "Variables",
        "WorkflowDefinitionId", "WorkflowDefinitionVersionId", "LatestAvailablePublishedVersion", "LatestAvailablePublishedVersionId",
        "CanStartWorkflow", "RunAsynchronously", "Behaviors",
    };

    public static string Safe(string name) => Reserved.Contains(name) ? $"_{name}" : name;
}

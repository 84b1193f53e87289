using Humanizer;

namespace ElsaM3.Workflows.Composition;

/// <summary>The activity type name Elsa gives a workflow used as an activity: its name pascalized by Humanizer ("Child with output" → "ChildWithOutput").</summary>
public static class WorkflowActivityTypeName
{
    public static string Of(string? workflowName) => (workflowName ?? "").Trim().Pascalize();
}

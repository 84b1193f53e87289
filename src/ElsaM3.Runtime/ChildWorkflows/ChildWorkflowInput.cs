using ElsaM3.Workflows.Activities;

namespace ElsaM3.Runtime.ChildWorkflows;

/// <summary>The inputs Execute Workflow and Dispatch Workflow share (Elsa's names).</summary>
public sealed class ChildWorkflowInput
{
    [Input(DisplayName = "Workflow Definition", Description = "The definition ID of the workflow to run.", UIHint = "workflow-definition-picker")]
    public string? WorkflowDefinitionId { get; set; }

    [Input(DisplayName = "Correlation ID", Description = "The correlation ID to associate the workflow with.")]
    public string? CorrelationId { get; set; }

    [Input(Description = "The input to send to the workflow.", TypeName = "ObjectMap")]
    public Dictionary<string, object?>? Input { get; set; }

    [Input(Description = "Wait for the child workflow to complete before completing this activity.")]
    public bool WaitForCompletion { get; set; }
}

public sealed class ChildWorkflowOutput
{
    [Output(Description = "The child's result: its instance id, status and output (once it ends, when waited for: its output).")]
    public object? Result { get; set; }
}

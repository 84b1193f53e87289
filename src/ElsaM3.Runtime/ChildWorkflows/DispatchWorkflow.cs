using ElsaM3.Workflows.Activities;

namespace ElsaM3.Runtime.ChildWorkflows;

/// <summary>
/// Elsa's Dispatch Workflow: stores a new instance of a published workflow and runs it in the background. When waiting,
/// this activity waits until the child ends and its result is the child's output.
/// </summary>
[Activity("Elsa", "Composition", "Create a new workflow instance of the specified workflow and dispatch it for execution.")]
public sealed class DispatchWorkflow(ChildWorkflowStarter starter) : Activity<ChildWorkflowInput, ChildWorkflowOutput>
{
    public const string BookmarkName = "Elsa.DispatchWorkflow";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, ChildWorkflowInput input, CancellationToken cancellationToken) =>
        starter.StartAsync(context, input, BookmarkName, dispatch: true, cancellationToken);

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ChildWorkflowInput input, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ActivityResult>(Done(new ChildWorkflowOutput { Result = context.Stimulus }));
}

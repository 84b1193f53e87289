using ElsaM3.Workflows.Activities;

namespace ElsaM3.Runtime.ChildWorkflows;

/// <summary>
/// Elsa's Execute Workflow: starts an instance of a published workflow at once, in this burst. Without waiting, or when
/// the child finishes at once, the result is the child's instance id, status and output; when waiting for a child that
/// suspends, this activity waits too and its result is the child's output when the child ends.
/// </summary>
[Activity("Elsa", "Composition", "Create a new workflow instance of the specified workflow and execute it.", Kind = ActivityKind.Task)]
public sealed class ExecuteWorkflow(ChildWorkflowStarter starter) : Activity<ChildWorkflowInput, ChildWorkflowOutput>
{
    public const string BookmarkName = "Elsa.ExecuteWorkflow";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, ChildWorkflowInput input, CancellationToken cancellationToken) =>
        starter.StartAsync(context, input, BookmarkName, dispatch: false, cancellationToken);

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ChildWorkflowInput input, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ActivityResult>(Done(new ChildWorkflowOutput { Result = context.Stimulus }));
}

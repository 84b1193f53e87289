using ElsaM3.Runtime.Definitions;
using ElsaM3.Runtime.Instances;
using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Bookmarks;
using ElsaM3.Workflows.Execution;

namespace ElsaM3.Runtime.ChildWorkflows;

/// <summary>Starts a child instance of a published workflow for a parent activity, and suspends the parent when it waits.</summary>
public sealed class ChildWorkflowStarter(IWorkflowDefinitionStore definitions, WorkflowInstanceService instances,
    Microsoft.Extensions.Options.IOptions<WorkflowRuntimeOptions> runtime)
{
    public async ValueTask<ActivityResult> StartAsync(ActivityContext context, ChildWorkflowInput input, string bookmarkName, bool dispatch,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.WorkflowDefinitionId))
            throw new InvalidOperationException($"{context.ActivityName ?? context.ActivityId}: 'Workflow Definition' names no workflow.");
        var definition = await definitions.FindAsync(input.WorkflowDefinitionId, VersionOptions.Published, cancellationToken)
            ?? throw new InvalidOperationException($"No published version of workflow definition with ID {input.WorkflowDefinitionId} found.");
        // Studio's Test tab runs one activity alone and stores nothing: it does not start real instances.
        if (context.IsDryRun) return ActivityResult.Done(new ChildWorkflowOutput());
        var depth = ChainDepth.Next(context, runtime.Value, $"Workflow '{definition.DefinitionId}' started here");

        var childId = Ids.New();
        var childInput = new Dictionary<string, object?>(input.Input ?? [], StringComparer.Ordinal)
        {
            [ChildWorkflow.ParentInstanceIdProperty] = context.WorkflowInstanceId,
        };
        var properties = ChildWorkflow.Properties(context.WorkflowInstanceId, input.WaitForCompletion, bookmarkName);
        properties[ChainDepth.Property] = depth;
        var options = new StartOptions { InstanceId = childId, CorrelationId = input.CorrelationId, Input = childInput, Properties = properties };
        if (dispatch)
            await instances.DispatchAsync(definition, options, cancellationToken);
        else
        {
            // The child runs now, on a fresh stack: however deep the chain, the caller's stack does not grow with it.
            var run = await Task.Run(() => instances.StartAsync(definition, options, cancellationToken), cancellationToken);
            if (!input.WaitForCompletion || run.Status == WorkflowStatus.Finished)
                return ActivityResult.Done(new ChildWorkflowOutput { Result = Result(run.State) });
        }
        if (!input.WaitForCompletion) return ActivityResult.Done(new ChildWorkflowOutput());
        return ActivityResult.Suspend(new BookmarkRequest(bookmarkName, ChildWorkflow.Stimulus(childId)));
    }

    /// <summary>Elsa's <c>ExecuteWorkflowResult</c>.</summary>
    public static Dictionary<string, object?> Result(WorkflowState child) => new()
    {
        ["workflowInstanceId"] = child.Id,
        ["status"] = child.Status.ToString(),
        ["subStatus"] = child.SubStatus.ToString(),
        ["output"] = child.Output,
    };
}

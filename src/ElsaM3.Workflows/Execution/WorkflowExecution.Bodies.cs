using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Serialization;

namespace ElsaM3.Workflows.Execution;

/// <summary>
/// Activities that run an embedded body (ForEach, ParallelForEach, While, FlowNode): each run of the body is a child
/// execution with its own variables; when all the runs asked for have ended, the activity is called back.
/// </summary>
internal sealed partial class WorkflowExecution
{
    public const string IsBreakingProperty = "IsBreaking";

    private void RunBody(CompiledNode node, ActivityExecutionState state, ActivityExecutionRecord record, IReadOnlyList<IReadOnlyDictionary<string, object?>> runs)
    {
        if (node.Body is null || runs.Count == 0 || IsDryRun)
        {
            CompleteActivity(node, state, record, ActivityResult.DoneOutcomes);
            return;
        }
        state.Status = ActivityStatus.Running;
        record.Status = ActivityStatus.Running;
        state.PendingBodyRuns = runs.Count;
        foreach (var variables in runs)
            Schedule(new ScheduledWork(node.Body.NodeId, state.Id)
            {
                SchedulingActivityExecutionId = state.Id,
                // Keyed as the compiled graph declares them for the body (see WorkflowGraph: "{node id}:{name}").
                Variables = variables.Count == 0 ? null : variables.ToDictionary(p => $"{node.NodeId}:{p.Key}", p => WorkflowJson.ToPlain(p.Value)),
            });
    }

    /// <summary>A run of <paramref name="owner"/>'s body ended: once none is left, the activity is called back.</summary>
    private void OnBodyRunCompleted(ActivityExecutionState owner, ActivityExecutionState run)
    {
        if (--owner.PendingBodyRuns > 0) return;
        Schedule(new ScheduledWork(owner.NodeId, owner.ParentId) { ExistingInstanceId = owner.Id, BodyCompleted = true, SchedulingActivityExecutionId = run.Id });
    }

    /// <summary>Elsa's Break: the nearest enclosing loop ends when the run of its body that broke has ended.</summary>
    private void MarkNearestLoopBreaking(ActivityExecutionState state)
    {
        if (AncestorsOf(state).FirstOrDefault(context => _graph.Node(context.NodeId).Type?.Body is { IsLoop: true }) is { } loop)
            (loop.Properties ??= [])[IsBreakingProperty] = true;
    }
}

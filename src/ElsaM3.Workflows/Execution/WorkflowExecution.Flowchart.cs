using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Flowchart;
using ElsaM3.Workflows.Journal;

namespace ElsaM3.Workflows.Execution;

/// <summary>Elsa's counter-based flowchart routing (dead-path elimination with implicit joins).</summary>
internal sealed partial class WorkflowExecution
{
    private void StartFlowchart(CompiledNode flowchart, ScheduledWork work)
    {
        var state = NewContext(flowchart, work);
        state.Flow = new FlowScope();
        Record(flowchart, state);
        AddJournal(state, JournalEvents.Started, null);

        var start = flowchart.Flow!.StartFor(flowchart.Scope.IsRoot ? TriggerActivityId : null);
        if (start is null)
        {
            CompleteContainer(flowchart, state);
            return;
        }
        state.Flow.StartId = start.Id;
        Schedule(new ScheduledWork(flowchart.Children[start.Id].NodeId, state.Id) { SchedulingActivityExecutionId = work.SchedulingActivityExecutionId });
    }

    private void OnChildCompleted(CompiledNode child, ActivityExecutionState childState, IReadOnlyList<string> outcomes)
    {
        if (child.Parent is null)
        {
            // A root that is not a container (a single activity, a workflow used as an activity) ends the workflow.
            FinishWorkflow(WorkflowSubStatus.Finished);
            return;
        }
        var owner = _state.ActivityExecutionContexts.FirstOrDefault(c => c.Id == childState.ParentId);
        if (owner is null) return;
        if (child.Parent.RunsBody && child == child.Parent.Body)
        {
            OnBodyRunCompleted(owner, childState);
            return;
        }
        if (child.Parent.WorkflowActivity is not null)
        {
            CompleteWorkflowActivity(child.Parent, owner, ActivityResult.DoneOutcomes);
            return;
        }
        if (child.Parent.Steps is not null)
        {
            if (child.IsTerminal) CompleteContainer(child.Parent, owner);
            else ScheduleStep(child.Parent, owner, Sequences.NextIndex(owner), childState.Id);
            return;
        }
        if (owner.Flow is null) return;
        var flowchart = child.Parent;

        if (child.IsTerminal)
        {
            CompleteContainer(flowchart, owner);
            return;
        }

        var scheduled = ScheduleOutbound(flowchart, owner, child.Id, outcomes, childState.ViaBackwardConnection, childState.Id);
        if (!scheduled) CompleteIfNoPendingWork(flowchart, owner);
    }

    /// <summary>Visits every outbound connection of <paramref name="activityId"/>; returns true when something was scheduled.</summary>
    private bool ScheduleOutbound(CompiledNode flowchart, ActivityExecutionState owner, string activityId, IReadOnlyList<string> outcomes, bool viaBackward, string? schedulingId)
    {
        var scope = owner.Flow!;
        var graph = flowchart.Flow!.RoutesFrom(scope.StartId);
        if (!viaBackward) scope.RegisterActivityVisit(activityId);

        var scheduled = false;
        foreach (var connection in graph.Outbound(activityId))
        {
            var followed = Contains(outcomes, connection.Port);
            scope.RegisterConnectionVisit(connection.Key, followed);
            if (connection.IsBackward)
            {
                if (!followed) continue;
                if (!connection.IsValidBackward)
                    throw new InvalidOperationException($"Invalid backward connection from '{connection.SourceId}' to '{connection.TargetId}': every path from the start to '{connection.SourceId}' must pass through '{connection.TargetId}'.");
                Schedule(new ScheduledWork(flowchart.Children[connection.TargetId].NodeId, owner.Id) { ViaBackwardConnection = true, SchedulingActivityExecutionId = schedulingId });
                scheduled = true;
                continue;
            }
            scheduled |= MaybeSchedule(flowchart, owner, flowchart.Children[connection.TargetId], schedulingId);
        }
        return scheduled;
    }

    private bool MaybeSchedule(CompiledNode flowchart, ActivityExecutionState owner, CompiledNode target, string? schedulingId)
    {
        var scope = owner.Flow!;
        var graph = flowchart.Flow!.RoutesFrom(scope.StartId);
        var inbound = graph.ForwardInbound(target.Id);
        var allVisited = true;
        var anyFollowed = false;
        var allFollowed = true;
        foreach (var connection in inbound)
        {
            var visited = scope.VisitedSinceLastRun(connection.Key, target.Id);
            var followed = visited && scope.FollowedSinceLastRun(connection.Key, target.Id);
            allVisited &= visited;
            anyFollowed |= followed;
            allFollowed &= followed;
        }

        switch (target.JoinMode)
        {
            case FlowJoinMode.WaitAny:
                var visits = scope.VisitsOf(target.Id);
                var alreadyFired = scope.FiredJoins.TryGetValue(target.Id, out var firedAt) && firedAt == visits;
                if (anyFollowed && !alreadyFired)
                {
                    scope.FiredJoins[target.Id] = visits;
                    CancelInboundBranches(flowchart, owner, target);
                    return ScheduleChild(owner, target, schedulingId);
                }
                return allVisited && !anyFollowed && !alreadyFired && Skip(flowchart, owner, target, schedulingId);
            case FlowJoinMode.WaitAll:
                if (!allVisited) return false;
                return allFollowed ? ScheduleChild(owner, target, schedulingId) : Skip(flowchart, owner, target, schedulingId);
            default:
                if (!allVisited) return false;
                return anyFollowed ? ScheduleChild(owner, target, schedulingId) : Skip(flowchart, owner, target, schedulingId);
        }
    }

    private bool ScheduleChild(ActivityExecutionState owner, CompiledNode target, string? schedulingId)
    {
        Schedule(new ScheduledWork(target.NodeId, owner.Id) { SchedulingActivityExecutionId = schedulingId });
        return true;
    }

    /// <summary>A dead path: the target does not run, and its outbound connections count as visited but not followed.</summary>
    private bool Skip(CompiledNode flowchart, ActivityExecutionState owner, CompiledNode target, string? schedulingId) =>
        ScheduleOutbound(flowchart, owner, target.Id, [], viaBackward: false, schedulingId);

    /// <summary>For a WaitAny join: cancels the still-running activities on the join's other inbound branches.</summary>
    private void CancelInboundBranches(CompiledNode flowchart, ActivityExecutionState owner, CompiledNode join)
    {
        var ancestors = flowchart.Flow!.RoutesFrom(owner.Flow!.StartId).AncestorsOf(join.Id);
        foreach (var running in _state.ActivityExecutionContexts.Where(c => c.ParentId == owner.Id && ancestors.Contains(c.ActivityId)).ToList())
            CancelContext(running);
        RemoveQueued(w => w.OwnerId == owner.Id && ancestors.Contains(_graph.Node(w.NodeId).Id));
    }

    private void CompleteIfNoPendingWork(CompiledNode flowchart, ActivityExecutionState owner)
    {
        foreach (var work in _queue)
            if (work.OwnerId == owner.Id) return;
        foreach (var context in _state.ActivityExecutionContexts)
            if (context.ParentId == owner.Id) return;
        CompleteContainer(flowchart, owner);
    }

    /// <summary>A flowchart or sequence is done: what it still runs is cancelled; at the root, the workflow finishes.</summary>
    private void CompleteContainer(CompiledNode container, ActivityExecutionState state)
    {
        foreach (var child in _state.ActivityExecutionContexts.Where(c => c.ParentId == state.Id).ToList())
            CancelContext(child);
        RemoveQueued(w => w.OwnerId == state.Id);

        var record = Record(container, state);
        if (container.Parent is null)
        {
            CompleteActivity(container, state, record, ActivityResult.DoneOutcomes, notifyOwner: false);
            FinishWorkflow(WorkflowSubStatus.Finished);
        }
        else
            CompleteActivity(container, state, record, ActivityResult.DoneOutcomes);
    }

    private void RemoveQueued(Func<ScheduledWork, bool> match)
    {
        var kept = _queue.Where(w => !match(w)).ToList();
        _queue.Clear();
        foreach (var work in kept) _queue.Enqueue(work);
    }

    private void CancelContext(ActivityExecutionState context)
    {
        foreach (var child in _state.ActivityExecutionContexts.Where(c => c.ParentId == context.Id).ToList())
            CancelContext(child);
        _state.Bookmarks.RemoveAll(b => b.ActivityInstanceId == context.Id);
        _state.ActivityExecutionContexts.Remove(context);
        context.Status = ActivityStatus.Canceled;
        var record = Record(_graph.Node(context.NodeId), context);
        record.Status = ActivityStatus.Canceled;
        record.CompletedAt = Now;
        AddJournal(context, JournalEvents.Canceled, null);
    }

    private static bool Contains(IReadOnlyList<string> outcomes, string port)
    {
        for (var i = 0; i < outcomes.Count; i++)
            if (string.Equals(outcomes[i], port, StringComparison.Ordinal)) return true;
        return false;
    }
}

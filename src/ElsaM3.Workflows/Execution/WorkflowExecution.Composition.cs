using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Composition;
using ElsaM3.Workflows.Journal;
using ElsaM3.Workflows.Serialization;

namespace ElsaM3.Workflows.Execution;

/// <summary>
/// Workflows used as activities: the parent evaluates the inputs, the embedded workflow runs in the same instance with
/// its own memory (<see cref="WorkflowScopeState"/> on the activity's execution), and its outputs and outcomes come back.
/// </summary>
internal sealed partial class WorkflowExecution
{
    /// <summary>The memory of the embedded workflow an activity belongs to.</summary>
    private sealed class ScopeView(CompiledScope scope, WorkflowScopeState state, IDictionary<string, object?> instanceInput)
    {
        public CompiledScope Scope { get; } = scope;
        public WorkflowScopeState State { get; } = state;

        /// <summary>The workflow's own inputs over the instance's (so the case stays visible); an input it declares wins even when empty.</summary>
        public IDictionary<string, object?> Input { get; } = Overlay(instanceInput, state.Input);

        private static Dictionary<string, object?> Overlay(IDictionary<string, object?> under, Dictionary<string, object?> over)
        {
            // Case-insensitive: a declared "ResidentName" hides the caller's "residentName".
            var merged = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in under) merged[name] = value;
            foreach (var (name, value) in over) merged[name] = value;
            return merged;
        }
    }

    /// <summary>Makes the memory that <paramref name="node"/>'s expressions see the one of the workflow it belongs to.</summary>
    private void EnterScopeOf(CompiledNode node, ActivityExecutionState state)
    {
        _scope = null;
        _current = node;
        _currentState = state;
        if (node.Scope.IsRoot) return;
        var owner = ScopeOwnerOf(node, state)
            ?? throw new InvalidOperationException($"Activity '{node.DisplayName}' belongs to the workflow '{node.Scope.Definition.Name}', which is no longer running.");
        _scope = new ScopeView(node.Scope, owner.Scope ??= new WorkflowScopeState(), _state.Input);
    }

    /// <summary>Back to the workflow being run's memory, with no activity current.</summary>
    private void LeaveScope()
    {
        _scope = null;
        _current = null;
        _currentState = null;
    }

    /// <summary>The execution of the workflow-as-activity whose body <paramref name="node"/> is in; <c>null</c> in the workflow being run.</summary>
    private ActivityExecutionState? ScopeOwnerOf(CompiledNode node, ActivityExecutionState state)
    {
        if (node.Scope.Owner is not { } owner) return null;
        return AncestorsOf(state).FirstOrDefault(context => context.NodeId == owner.NodeId);
    }

    /// <summary>The executions that own <paramref name="state"/>, nearest first, as long as they are running.</summary>
    private IEnumerable<ActivityExecutionState> AncestorsOf(ActivityExecutionState state)
    {
        for (var context = state; context.ParentId is { } parentId;)
        {
            context = _state.ActivityExecutionContexts.Find(c => c.Id == parentId)!;
            if (context is null) yield break;
            yield return context;
        }
    }

    /// <summary>Evaluates the inputs in the parent's memory, gives the embedded workflow its own, and schedules its root.</summary>
    private async ValueTask StartWorkflowActivityAsync(CompiledNode node, ScheduledWork work)
    {
        var state = work.ExistingInstanceId is { } existing ? _state.ActivityExecutionContexts.First(c => c.Id == existing) : NewContext(node, work);
        state.Status = ActivityStatus.Running;
        var record = Record(node, state);
        record.Status = ActivityStatus.Running;
        AddJournal(state, JournalEvents.Started, null);
        var binding = node.WorkflowActivity!;
        var memory = new WorkflowScopeState();
        try
        {
            EnterScopeOf(node, state);
            var snapshot = record.ActivityState ??= [];
            foreach (var (name, expression) in binding.Inputs)
            {
                var value = expression is null ? null
                    : WorkflowJson.ToPlain(await EvaluateAsync(expression, typeof(object), node.Node, name, _cancellationToken));
                memory.Input[name] = value;
                var safe = WorkflowActivityPropertyNames.Safe(name);
                if (node.LogPersistence.IncludesInput(JsonLookup.CamelCase(safe))) snapshot[safe] = RecordedValue(value, sensitive: false);
            }
            foreach (var variable in node.Body!.Scope.Variables) memory.Variables[variable.Id] = WorkflowRunner.InitialValue(variable);
        }
        catch (Exception e) when (e is not OperationCanceledException || !_cancellationToken.IsCancellationRequested)
        {
            Fault(node, state, record, e);
            return;
        }
        finally
        {
            LeaveScope();
        }
        state.Scope = memory;
        Schedule(new ScheduledWork(node.Body.NodeId, state.Id) { SchedulingActivityExecutionId = state.Id });
    }

    /// <summary>The embedded workflow is done (its root completed, or a Complete gave outcomes): outputs go to the parent, which routes on.</summary>
    private void CompleteWorkflowActivity(CompiledNode node, ActivityExecutionState state, IReadOnlyList<string> outcomes)
    {
        foreach (var child in _state.ActivityExecutionContexts.Where(c => c.ParentId == state.Id).ToList())
            CancelContext(child);
        RemoveQueued(w => w.OwnerId == state.Id);
        var produced = state.Scope?.Output ?? [];
        var outputs = new Dictionary<string, object?>(node.WorkflowActivity!.Workflow.Outputs.Count);
        foreach (var output in node.WorkflowActivity.Workflow.Outputs)
            outputs[WorkflowActivityPropertyNames.Safe(output.Name)] = produced.GetValueOrDefault(output.Name);
        EnterScopeOf(node, state);
        try
        {
            foreach (var (name, memoryId) in node.WorkflowActivity.Outputs) AssignMemory(memoryId, produced.GetValueOrDefault(name));
        }
        finally
        {
            LeaveScope();
        }
        var record = Record(node, state);
        if (outputs.Count > 0)
        {
            _state.ActivityOutputs[node.OutputKey] = outputs;
            record.Outputs = outputs.Where(p => node.LogPersistence.IncludesOutput(JsonLookup.CamelCase(p.Key))).ToDictionary();
            LastResult = outputs.Values.FirstOrDefault();
        }
        CompleteActivity(node, state, record, outcomes.Count == 0 ? ActivityResult.DoneOutcomes : outcomes);
    }

    /// <summary>Elsa's Complete: ends the embedded workflow it is in with these outcomes, or the whole workflow at the top.</summary>
    private void CompleteEnclosingWorkflow(CompiledNode node, ActivityExecutionState state, ActivityExecutionRecord record, IReadOnlyList<string> outcomes)
    {
        var owner = ScopeOwnerOf(node, state);
        CompleteActivity(node, state, record, ActivityResult.DoneOutcomes, notifyOwner: false);
        if (owner is null) FinishWorkflow(WorkflowSubStatus.Finished);
        else CompleteWorkflowActivity(node.Scope.Owner!, owner, outcomes);
    }
}

using System.Text.Json;
using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Expressions;
using ElsaM3.Workflows.Serialization;
using ElsaM3.Workflows.Journal;
using ElsaM3.Workflows.Bookmarks;
using ElsaM3.Workflows.Incidents;

namespace ElsaM3.Workflows.Execution;

internal sealed partial class WorkflowExecution
{
    /// <summary>What activity execution records show instead of a sensitive input's value.</summary>
    public const string MaskedValue = "***";

    /// <summary>What an execution record shows for an input: masked when sensitive, else the value as plain JSON values.</summary>
    public static object? RecordedValue(object? value, bool sensitive) => sensitive ? MaskedValue
        : value is string or bool or long or int or double or null ? value : WorkflowJson.ToPlain(value);

    private async ValueTask ExecuteAsync(CompiledNode node, ScheduledWork work)
    {
        var state = work.ExistingInstanceId is { } existing
            ? _state.ActivityExecutionContexts.First(c => c.Id == existing)
            : NewContext(node, work);
        state.Status = ActivityStatus.Running;
        var record = Record(node, state);
        if (work.BodyCompleted)
        {
            await RunActivityAsync(node, state, record, stimulus: null, isTrigger: false, bookmark: null, bodyCompleted: true);
            return;
        }
        AddJournal(state, JournalEvents.Started, null);

        var isTrigger = TriggerActivityId == node.Id;
        if (isTrigger) TriggerActivityId = null;
        await RunActivityAsync(node, state, record, isTrigger ? TriggerInput : null, isTrigger, bookmark: null);
    }

    /// <summary>Resumes the activity that owns <paramref name="bookmark"/>, then the caller runs the queue.</summary>
    public async ValueTask ResumeAsync(Bookmark bookmark, object? input)
    {
        var state = _state.ActivityExecutionContexts.FirstOrDefault(c => c.Id == bookmark.ActivityInstanceId)
            ?? throw new InvalidOperationException($"Bookmark '{bookmark.Id}' belongs to activity instance '{bookmark.ActivityInstanceId}', which is no longer active.");
        if (bookmark.AutoBurn) _state.Bookmarks.RemoveAll(b => b.Id == bookmark.Id);
        var node = _graph.Node(state.NodeId);
        var record = Record(node, state);
        _state.Status = WorkflowStatus.Running;
        _state.SubStatus = WorkflowSubStatus.Executing;
        AddJournal(state, JournalEvents.Resumed, null);
        await RunActivityAsync(node, state, record, input, isTrigger: false, bookmark);
    }

    private async ValueTask RunActivityAsync(CompiledNode node, ActivityExecutionState state, ActivityExecutionRecord record, object? stimulus, bool isTrigger, Bookmark? bookmark,
        bool bodyCompleted = false)
    {
        ActivityResult result;
        try
        {
            EnterScopeOf(node, state);
            var type = node.Type ?? throw new InvalidOperationException(UnknownTypeMessage(node));
            var input = await BindInputsAsync(node, type, record);
            // What the activity recorded as evaluated in an earlier burst still shows (while the instance stays in memory).
            if (state.RecordedInputs is { } recorded)
                foreach (var (name, value) in recorded) (record.ActivityState ??= [])[name] = value;
            var activity = type.Factory!(_services.Services);
            var context = new ActivityContext(this, node, state, record, stimulus, isTrigger, bookmark);
            result = bodyCompleted ? await activity.OnBodyCompletedAsync(context, input, _cancellationToken)
                : bookmark is null ? await activity.ExecuteAsync(context, input, _cancellationToken)
                : await activity.ResumeAsync(context, input, _cancellationToken);
        }
        catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (BudgetExceededException e)
        {
            LeaveScope();
            FaultOnBudget(node, state, record, e);
            return;
        }
        catch (ExpressionException e) when (ExpressionException.BudgetOf(e) is { } budget)
        {
            // A script or template held to its time or memory limit: the activity faults as any failed expression does,
            // and the run counts as a budget fault of the workflow.
            LeaveScope();
            _state.Properties[BudgetExceededException.InstanceProperty] = budget.ToString();
            Fault(node, state, record, e);
            return;
        }
        catch (Exception e)
        {
            LeaveScope();
            Fault(node, state, record, e);
            return;
        }
        // The activity's own persisted properties (e.g. RetryAttempts) are shown on its execution record.
        if (state.Properties is { Count: > 0 } properties) record.Properties = new Dictionary<string, object?>(properties);
        try
        {
            Apply(node, state, record, result);
        }
        catch (InvalidOperationException e)
        {
            // Routing failed after the activity completed (e.g. an invalid loop): an incident on that activity.
            Fault(node, state, record, e);
        }
        finally
        {
            LeaveScope();
        }
    }

    private static string UnknownTypeMessage(CompiledNode node) => Composition.WorkflowActivityReference.TryRead(node.Node) is { } workflow
        ? $"Activity '{node.DisplayName}' runs the workflow '{workflow.DefinitionId}' (type '{node.Node.Type}'), which this server does not have."
        : $"Activity '{node.DisplayName}' has type '{node.Node.Type}', which this server does not know.";

    /// <summary>
    /// Runs one activity alone as a dry run (Studio's Test tab) and answers its execution record: inputs as
    /// evaluated, outputs, outcomes or the fault. Nothing is scheduled after it.
    /// </summary>
    public async ValueTask<ActivityExecutionRecord> TestAsync(CompiledNode node)
    {
        IsDryRun = true;
        var state = NewContext(node, new ScheduledWork(node.NodeId, null));
        var record = Record(node, state);
        await RunActivityAsync(node, state, record, stimulus: null, isTrigger: false, bookmark: null);
        return record;
    }

    /// <summary>Evaluates a node's inputs outside a run (for trigger indexing).</summary>
    public async ValueTask<object> EvaluateInputsAsync(CompiledNode node) =>
        await BindInputsAsync(node, node.Type!, new ActivityExecutionRecord());

    private async ValueTask<object> BindInputsAsync(CompiledNode node, Descriptors.ActivityType type, ActivityExecutionRecord record)
    {
        var input = Activator.CreateInstance(type.InputType)!;
        if (node.Inputs.Count == 0) return input;
        var snapshot = record.ActivityState ??= new Dictionary<string, object?>(node.Inputs.Count);
        foreach (var compiled in node.Inputs)
        {
            var binding = compiled.Binding;
            var value = binding.Property.PropertyType == typeof(DeferredExpression)
                ? new DeferredExpression(compiled.Expression ?? new Expression("Literal", compiled.Raw?.DeepClone()))
                : compiled.Expression is { } expression
                ? await EvaluateAsync(expression, binding.TargetType, node.Node, binding.Name, _cancellationToken)
                : compiled.Raw.Deserialize(binding.TargetType, WorkflowJson.StateOptions);
            binding.Property.SetValue(input, value);
            if (value is DeferredExpression deferred)
            {
                deferred.InputName = binding.Name;
                value = deferred.Expression.Text;
            }
            // Keyed by the descriptor's input name, which is what Studio's instance viewer looks up.
            if (node.LogPersistence.IncludesInput(binding.JsonName)) snapshot[binding.Name] = RecordedValue(value, binding.IsSensitive);
        }
        return input;
    }

    private void Apply(CompiledNode node, ActivityExecutionState state, ActivityExecutionRecord record, ActivityResult result)
    {
        switch (result)
        {
            case ActivityResult.Completed completed:
                StoreOutputs(node, record, completed.Output);
                CompleteActivity(node, state, record, completed.Outcomes);
                break;
            case ActivityResult.Suspended suspended:
                foreach (var request in suspended.Bookmarks) AddBookmark(node, state, request);
                record.HasBookmarks = true;
                record.Status = ActivityStatus.Running;
                AddJournal(state, JournalEvents.Suspended, null);
                break;
            case ActivityResult.RunBody body:
                StoreOutputs(node, record, body.Output);
                RunBody(node, state, record, body.Runs);
                break;
            case ActivityResult.Break:
                MarkNearestLoopBreaking(state);
                CompleteActivity(node, state, record, ActivityResult.DoneOutcomes);
                break;
            case ActivityResult.CompleteComposite complete:
                CompleteEnclosingWorkflow(node, state, record, complete.Outcomes);
                break;
            case ActivityResult.FinishWorkflow:
                CompleteActivity(node, state, record, ActivityResult.DoneOutcomes, notifyOwner: false);
                FinishWorkflow(WorkflowSubStatus.Finished);
                break;
        }
    }

    private void CompleteActivity(CompiledNode node, ActivityExecutionState state, ActivityExecutionRecord record, IReadOnlyList<string> outcomes, bool notifyOwner = true)
    {
        state.Status = ActivityStatus.Completed;
        _state.ActivityExecutionContexts.Remove(state);
        _state.Bookmarks.RemoveAll(b => b.ActivityInstanceId == state.Id);
        record.Status = ActivityStatus.Completed;
        record.CompletedAt = Now;
        record.Payload = new Dictionary<string, object?> { ["outcomes"] = outcomes };
        AddJournal(state, JournalEvents.Completed, null, record.Payload);
        if (notifyOwner && !IsDryRun) OnChildCompleted(node, state, outcomes);
    }

    private void StoreOutputs(CompiledNode node, ActivityExecutionRecord record, object? output)
    {
        if (output is null || node.Type is null || node.Type.Outputs.Count == 0) return;
        var values = new Dictionary<string, object?>(node.Type.Outputs.Count);
        foreach (var binding in node.Type.Outputs)
            values[binding.Name] = binding.Property.GetValue(output);
        foreach (var (binding, memoryId) in node.OutputTargets)
            AssignMemory(memoryId, values[binding.Name]);
        var plain = values.ToDictionary(p => p.Key, p => WorkflowJson.ToPlain(p.Value));
        _state.ActivityOutputs[node.OutputKey] = plain;
        record.Outputs = node.LogPersistence.IncludesEverything ? plain
            : plain.Where(p => node.LogPersistence.IncludesOutput(Serialization.JsonLookup.CamelCase(p.Key))).ToDictionary();
        LastResult = plain.TryGetValue("Result", out var result) ? result : plain.Values.FirstOrDefault();
    }

    /// <summary>Adds a bookmark; one of the same name the activity already holds is replaced (a watch suspending again with what it has seen).</summary>
    private void AddBookmark(CompiledNode node, ActivityExecutionState state, BookmarkRequest request)
    {
        _state.Bookmarks.RemoveAll(b => b.ActivityInstanceId == state.Id && b.Name == request.Name);
        var payload = WorkflowJson.ToPlain(request.Payload);
        _state.Bookmarks.Add(new Bookmark
        {
            Id = Ids.New(),
            Name = request.Name,
            Hash = StimulusHash.Compute(request.Name, request.LookupPayload is null ? payload : WorkflowJson.ToPlain(request.LookupPayload)),
            Payload = payload,
            ActivityId = node.Id,
            ActivityNodeId = node.NodeId,
            ActivityInstanceId = state.Id,
            CreatedAt = Now,
            ResumeAt = request.ResumeAt,
            AutoBurn = request.AutoBurn,
        });
    }

    private void Fault(CompiledNode node, ActivityExecutionState state, ActivityExecutionRecord record, Exception exception)
    {
        var exceptionState = ExceptionState.From(exception);
        if (!_state.ActivityExecutionContexts.Contains(state)) _state.ActivityExecutionContexts.Add(state);
        state.Status = ActivityStatus.Faulted;
        record.Status = ActivityStatus.Faulted;
        record.Exception = exceptionState;
        record.AggregateFaultCount++;
        record.CompletedAt = Now;
        _state.Incidents.Add(new ActivityIncident
        {
            ActivityId = node.Id,
            ActivityNodeId = node.NodeId,
            ActivityInstanceId = state.Id,
            ActivityType = node.Node.Type,
            Message = exception.Message,
            Exception = exceptionState,
            Timestamp = Now,
        });
        AddJournal(state, JournalEvents.Faulted, exception.Message, new Dictionary<string, object?>
        {
            ["exception"] = new Dictionary<string, object?> { ["type"] = exceptionState.Type, ["message"] = exceptionState.Message },
        });
        if (IncidentStrategy == IncidentStrategy.Fault)
            FinishWorkflow(WorkflowSubStatus.Faulted, keepFaulted: true);
    }

    /// <summary>Faults the workflow at the work about to run because the burst went over a budget.</summary>
    private void FaultOnBudget(CompiledNode node, ScheduledWork work, BudgetExceededException exceeded)
    {
        var state = work.ExistingInstanceId is { } existing
            ? _state.ActivityExecutionContexts.First(c => c.Id == existing)
            : NewContext(node, work);
        FaultOnBudget(node, state, Record(node, state), exceeded);
    }

    /// <summary>
    /// A budget fault ends the workflow whatever its incident strategy (continuing would only spend more), and marks the
    /// instance so that the runtime counts it against the workflow's triggers and no sweep runs it again.
    /// </summary>
    private void FaultOnBudget(CompiledNode node, ActivityExecutionState state, ActivityExecutionRecord record, BudgetExceededException exceeded)
    {
        _state.Properties[BudgetExceededException.InstanceProperty] = exceeded.Budget.ToString();
        Fault(node, state, record, exceeded);
        if (_state.Status != WorkflowStatus.Finished) FinishWorkflow(WorkflowSubStatus.Faulted, keepFaulted: true);
    }

    /// <summary>
    /// Ends the workflow: nothing more is scheduled, waiting activities are cancelled and no bookmark stays.
    /// With <paramref name="keepFaulted"/>, faulted activities (and their flowcharts) are kept for operator retry.
    /// </summary>
    private void FinishWorkflow(WorkflowSubStatus subStatus, bool keepFaulted = false)
    {
        _queue.Clear();
        foreach (var context in _state.ActivityExecutionContexts.Where(c => c.Flow is null && !(keepFaulted && c.Status == ActivityStatus.Faulted)).ToList())
            CancelContext(context);
        // The flowcharts kept for an operator retry show as faulted, with an end, not as running for ever.
        if (subStatus == WorkflowSubStatus.Faulted)
            foreach (var flowchart in _state.ActivityExecutionContexts.Where(c => c.Flow is not null))
            {
                var record = Record(_graph.Node(flowchart.NodeId), flowchart);
                record.Status = ActivityStatus.Faulted;
                record.CompletedAt = Now;
            }
        _state.Bookmarks.Clear();
        if (!keepFaulted) _state.ActivityExecutionContexts.Clear();
        _state.Status = WorkflowStatus.Finished;
        _state.SubStatus = subStatus;
        _state.FinishedAt = Now;
        if (subStatus == WorkflowSubStatus.Finished) AddWorkflowJournal(JournalEvents.Completed);
    }

    private ActivityExecutionState NewContext(CompiledNode node, ScheduledWork work)
    {
        var state = new ActivityExecutionState
        {
            Id = Ids.New(),
            ActivityId = node.Id,
            NodeId = node.NodeId,
            ActivityType = node.Node.Type,
            ParentId = work.OwnerId,
            Status = ActivityStatus.Running,
            StartedAt = Now,
            SchedulingActivityExecutionId = work.SchedulingActivityExecutionId,
            ViaBackwardConnection = work.ViaBackwardConnection,
            Variables = work.Variables,
        };
        _state.ActivityExecutionContexts.Add(state);
        return state;
    }

    private ActivityExecutionRecord Record(CompiledNode node, ActivityExecutionState state)
    {
        if (_records.TryGetValue(state.Id, out var existing)) return existing;
        var record = new ActivityExecutionRecord
        {
            Id = state.Id,
            WorkflowInstanceId = _state.Id,
            ActivityId = node.Id,
            ActivityNodeId = node.NodeId,
            ActivityType = node.Node.Type,
            ActivityTypeVersion = node.Node.Version,
            ActivityName = node.Node.Name,
            StartedAt = state.StartedAt,
            Status = ActivityStatus.Running,
            SchedulingActivityExecutionId = state.SchedulingActivityExecutionId,
        };
        _records[state.Id] = record;
        return record;
    }

    public void AddJournal(ActivityExecutionState state, string eventName, string? message, object? payload = null) =>
        _journal.Add(JournalRecord(state.Id, state.ParentId, state.ActivityId, state.ActivityType, _graph.Node(state.NodeId).Node.Name,
            state.NodeId, eventName, message, payload));

    public void AddWorkflowJournal(string eventName, string? message = null) =>
        _journal.Add(JournalRecord(_state.Id, null, WorkflowGraph.WorkflowNodeId, "Elsa.Workflow", _graph.Definition.Name,
            WorkflowGraph.WorkflowNodeId, eventName, message, null));

    /// <summary>One journal entry of this instance, numbered in order.</summary>
    private ExecutionLogRecord JournalRecord(string activityInstanceId, string? parentActivityInstanceId, string activityId, string activityType,
        string? activityName, string nodeId, string eventName, string? message, object? payload) => new()
    {
        Id = Ids.New(),
        WorkflowDefinitionId = _state.DefinitionId,
        WorkflowDefinitionVersionId = _state.DefinitionVersionId,
        WorkflowInstanceId = _state.Id,
        WorkflowVersion = _state.DefinitionVersion,
        ActivityInstanceId = activityInstanceId,
        ParentActivityInstanceId = parentActivityInstanceId,
        ActivityId = activityId,
        ActivityType = activityType,
        ActivityName = activityName,
        NodeId = nodeId,
        Timestamp = Now,
        Sequence = _state.ExecutionLogSequence++,
        EventName = eventName,
        Message = message,
        Payload = payload,
    };
}

using ElsaM3.Workflows.Definitions;
using ElsaM3.Workflows.Descriptors;
using ElsaM3.Workflows.Expressions;
using ElsaM3.Workflows.Serialization;
using ElsaM3.Workflows.Journal;
using ElsaM3.Workflows.Incidents;

namespace ElsaM3.Workflows.Execution;

/// <summary>
/// One execution burst of one workflow instance: takes work from the scheduler queue until it is empty,
/// then settles the workflow's status. Not thread-safe; created per burst by <see cref="WorkflowRunner"/>.
/// </summary>
internal sealed partial class WorkflowExecution : IWorkflowMemory
{
    private readonly WorkflowGraph _graph;
    private readonly WorkflowState _state;
    private readonly WorkflowEngineServices _services;
    private readonly CancellationToken _cancellationToken;
    private readonly Queue<ScheduledWork> _queue;
    private readonly List<ExecutionLogRecord> _journal = [];
    private readonly Dictionary<string, ActivityExecutionRecord> _records = [];
    private readonly List<object> _commitRecords = [];
    private Dictionary<object, object>? _runItems;
    private ScopeView? _scope;

    // The activity whose expressions are being evaluated, and its execution (see EnterScopeOf).
    private CompiledNode? _current;
    private ActivityExecutionState? _currentState;
    private int _activitiesRun;
    private long _startedAt;
    private long _allocated;

    public WorkflowExecution(WorkflowGraph graph, WorkflowState state, WorkflowEngineServices services,
        IReadOnlyDictionary<string, object>? transient, CancellationToken cancellationToken)
    {
        _graph = graph;
        _state = state;
        _services = services;
        _cancellationToken = cancellationToken;
        Transient = transient ?? EmptyTransient;
        _queue = new Queue<ScheduledWork>(state.ScheduledActivities);
        state.ScheduledActivities.Clear();
    }

    private static readonly IReadOnlyDictionary<string, object> EmptyTransient = new Dictionary<string, object>();

    public IReadOnlyDictionary<string, object> Transient { get; }
    public DateTimeOffset Now => _services.Time.GetUtcNow();

    /// <summary>The activity being started by a trigger in this burst, and its payload.</summary>
    public string? TriggerActivityId { get; set; }

    /// <summary>A single activity run from Studio's Test tab (<see cref="TestAsync"/>).</summary>
    public bool IsDryRun { get; private set; }
    public object? TriggerInput { get; set; }

    private IncidentStrategy IncidentStrategy =>
        IncidentStrategies.Parse(_graph.Definition.Options.IncidentStrategyType) ?? _services.Options.DefaultIncidentStrategy;

    public void Schedule(ScheduledWork work) => _queue.Enqueue(work);

    /// <summary>A row to store in this burst's commit (see <see cref="WorkflowRunResult.CommitRecords"/>).</summary>
    public void AddCommitRecord(object record) => _commitRecords.Add(record);

    /// <summary>Runs scheduled work until none is left, then settles the status.</summary>
    public async ValueTask<WorkflowRunResult> RunAsync()
    {
        // A resumed activity may already have finished the workflow (it was the last one).
        if (_state.Status == WorkflowStatus.Finished) return Settle();
        _state.Status = WorkflowStatus.Running;
        _state.SubStatus = WorkflowSubStatus.Executing;
        _startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        while (_queue.TryDequeue(out var work))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (_state.Status == WorkflowStatus.Finished) break;
            var node = _graph.Node(work.NodeId);
            if (OverBudget() is { } exceeded)
            {
                FaultOnBudget(node, work, exceeded);
                break;
            }
            if (node.Parent is null && work.ExistingInstanceId is null) AddWorkflowJournal(JournalEvents.Started);
            if (node.Flow is not null) StartFlowchart(node, work);
            else if (node.Steps is not null) StartSequence(node, work);
            else if (node.WorkflowActivity is not null) await StartWorkflowActivityAsync(node, work);
            else await ExecuteAsync(node, work);
        }
        return Settle();
    }

    /// <summary>The budget this burst has gone over before its next activity, if any.</summary>
    private BudgetExceededException? OverBudget()
    {
        var options = _services.Options;
        if (++_activitiesRun > options.MaxActivitiesPerBurst)
            return new BudgetExceededException(WorkflowBudget.Activities,
                $"The workflow ran more than {options.MaxActivitiesPerBurst:N0} activities in one burst ({WorkflowRuntimeOptions.Section}:MaxActivitiesPerBurst); is a loop missing an exit?");
        if (System.Diagnostics.Stopwatch.GetElapsedTime(_startedAt) > options.MaxBurstDuration)
            return new BudgetExceededException(WorkflowBudget.Time,
                $"The workflow ran longer than {options.MaxBurstDuration.TotalSeconds:N0} s in one burst ({WorkflowRuntimeOptions.Section}:MaxBurstDuration).");
        if (_allocated > options.MaxBurstAllocatedBytes)
            return new BudgetExceededException(WorkflowBudget.Memory,
                $"The workflow's scripts and templates allocated more than {options.MaxBurstAllocatedBytes / (1024 * 1024):N0} MiB in one burst ({WorkflowRuntimeOptions.Section}:MaxBurstAllocatedBytes).");
        return null;
    }

    /// <summary>A script or template, whose allocations count against the burst's memory budget.</summary>
    private async ValueTask<object?> EvaluateScriptAsync(IExpressionEvaluator evaluator, Expression expression, Type returnType, ExpressionContext context,
        CancellationToken cancellationToken)
    {
        var thread = Environment.CurrentManagedThreadId;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            return await evaluator.EvaluateAsync(expression, returnType, context, cancellationToken);
        }
        finally
        {
            CountAllocations(thread, allocatedBefore);
        }
    }

    /// <summary>
    /// Adds what an expression allocated: scripts and templates, where a workflow decides how much memory it takes, run
    /// synchronously, so the thread's counter is theirs (an evaluation that moved threads is not counted).
    /// </summary>
    private void CountAllocations(int thread, long allocatedBefore)
    {
        if (Environment.CurrentManagedThreadId == thread) _allocated += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
    }

    private WorkflowRunResult Settle()
    {
        _queue.Clear();
        if (_state.Status != WorkflowStatus.Finished)
            _state.SubStatus = WorkflowSubStatus.Suspended;
        _state.UpdatedAt = Now;
        return new WorkflowRunResult(_state, _journal, _records.Values.ToList()) { CommitRecords = _commitRecords };
    }

    // ---- Memory (IWorkflowMemory): the workflow being run's, or while an activity of an embedded workflow runs, that workflow's ----

    public string WorkflowInstanceId => _state.Id;
    public string WorkflowDefinitionId => _state.DefinitionId;
    public string? CorrelationId { get => _state.CorrelationId; set => _state.CorrelationId = value; }

    /// <summary>The instance's name (Elsa's Set Name activity changes it).</summary>
    public string? InstanceName { get => _state.Name; set => _state.Name = value; }

    internal IDictionary<string, object?> InstanceProperties => _state.Properties;
    public IReadOnlyList<VariableDefinition> VariableDefinitions => _current?.Variables ?? _graph.Variables;
    public IDictionary<string, object?> Input => _scope?.Input ?? _state.Input;
    public IDictionary<string, object?> Output => _scope?.State.Output ?? _state.Output;
    public object? LastResult { get; private set; }
    public IDictionary<object, object> RunItems => _runItems ??= [];

    private Dictionary<string, object?> VariableValues => _scope?.State.Variables ?? _state.Variables;

    /// <summary>Inside a body: the variables of the innermost body run that has <paramref name="variableId"/> (ForEach's CurrentValue, …).</summary>
    private Dictionary<string, object?>? RunVariablesHolding(string variableId)
    {
        if (_current is not { InBody: true } || _currentState is null) return null;
        return _currentState.Variables is { } own && own.ContainsKey(variableId) ? own
            : AncestorsOf(_currentState).Select(c => c.Variables).FirstOrDefault(variables => variables?.ContainsKey(variableId) == true);
    }

    public bool TryGetVariable(string name, out object? value)
    {
        var definition = FindVariable(name);
        if (definition is null)
        {
            value = null;
            return false;
        }
        value = (RunVariablesHolding(definition.Id) ?? VariableValues).GetValueOrDefault(definition.Id);
        var type = TypeAliases.Resolve(definition.TypeName);
        if (value is not null && type != typeof(object) && !type.IsInstanceOfType(value))
            value = ValueConverter.Convert(value, definition.IsArray ? type.MakeArrayType() : type);
        return true;
    }

    public void SetVariable(string nameOrId, object? value)
    {
        var definition = FindVariable(nameOrId) ?? throw new InvalidOperationException($"There is no variable '{nameOrId}' in this workflow.");
        var type = TypeAliases.Resolve(definition.TypeName);
        if (definition.IsArray) type = type.MakeArrayType();
        (RunVariablesHolding(definition.Id) ?? VariableValues)[definition.Id] = type == typeof(object) ? WorkflowJson.ToPlain(value) : ValueConverter.Convert(value, type);
    }

    /// <summary>An output bound through its memory reference: to a variable in scope, else to an output of the workflow; else it is kept only on the activity, as Elsa does.</summary>
    private void AssignMemory(string memoryId, object? value)
    {
        if (FindVariable(memoryId) is not null) SetVariable(memoryId, value);
        else if ((_scope?.Scope ?? _graph.RootScope).DeclaresOutput(memoryId)) Output[memoryId] = WorkflowJson.ToPlain(value);
    }

    private VariableDefinition? FindVariable(string nameOrId)
    {
        var variables = VariableDefinitions;
        foreach (var v in variables)
            if (v.Id == nameOrId) return v;
        foreach (var v in variables)
            if (string.Equals(v.Name, nameOrId, StringComparison.Ordinal)) return v;
        foreach (var v in variables)
            if (string.Equals(v.Name, nameOrId, StringComparison.OrdinalIgnoreCase)) return v;
        return null;
    }

    public object? GetActivityOutput(string activityNameOrId, string outputName)
    {
        var scope = _scope?.Scope ?? _graph.RootScope;
        var node = _graph.Nodes.FirstOrDefault(n => n.Scope == scope && n.Node.Name == activityNameOrId)
            ?? _graph.Nodes.FirstOrDefault(n => n.Scope == scope && n.Id == activityNameOrId)
            // Elsa's get{Output}From{Activity}() accessors name the activity in PascalCase.
            ?? _graph.Nodes.FirstOrDefault(n => n.Scope == scope && string.Equals(n.Node.Name, activityNameOrId, StringComparison.OrdinalIgnoreCase));
        if (node is null || !_state.ActivityOutputs.TryGetValue(node.OutputKey, out var outputs)) return null;
        return outputs.TryGetValue(outputName, out var value) ? value
            : outputs.FirstOrDefault(p => string.Equals(p.Key, outputName, StringComparison.OrdinalIgnoreCase)).Value;
    }

    // ---- Expressions ----

    public async ValueTask<object?> EvaluateAsync(Expression expression, Type returnType, ActivityNode? activity, string inputName, CancellationToken cancellationToken,
        IDictionary<object, object>? sharedModels = null)
    {
        if (!_services.Evaluators.TryGetValue(expression.Type, out var evaluator))
            throw new ExpressionEvaluationException(activity?.Name ?? activity?.Id ?? "workflow", inputName, expression.Type,
                new ExpressionException($"Unknown expression syntax '{expression.Type}'. Known: {string.Join(", ", _services.Evaluators.Keys)}."));
        try
        {
            var context = new ExpressionContext(this, activity, inputName) { SharedModels = sharedModels };
            return evaluator is IScriptEvaluator
                ? await EvaluateScriptAsync(evaluator, expression, returnType, context, cancellationToken)
                : await evaluator.EvaluateAsync(expression, returnType, context, cancellationToken);
        }
        catch (ExpressionException e) when (e is not ExpressionEvaluationException)
        {
            throw new ExpressionEvaluationException(activity?.Name ?? activity?.Id ?? "workflow", inputName, expression.Type, e);
        }
    }
}

internal sealed partial class WorkflowExecution
{
    public WorkflowRunResult Cancel()
    {
        FinishWorkflow(WorkflowSubStatus.Cancelled);
        AddWorkflowJournal(JournalEvents.WorkflowCancelled);
        return Settle();
    }
}

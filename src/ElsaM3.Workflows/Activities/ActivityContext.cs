using ElsaM3.Workflows.Definitions;
using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.Expressions;
using ElsaM3.Workflows.Bookmarks;

namespace ElsaM3.Workflows.Activities;

/// <summary>What an executing activity can see and do besides its inputs.</summary>
public sealed class ActivityContext
{
    private readonly WorkflowExecution _execution;
    private readonly ActivityExecutionState _state;
    private readonly CompiledNode _node;

    private readonly ActivityExecutionRecord _record;

    internal ActivityContext(WorkflowExecution execution, CompiledNode node, ActivityExecutionState state, ActivityExecutionRecord record,
        object? stimulus, bool isTrigger, Bookmark? bookmark)
    {
        _execution = execution;
        _state = state;
        _record = record;
        _node = node;
        Node = node.Node;
        NodeId = node.NodeId;
        Stimulus = stimulus;
        IsTriggerOfWorkflow = isTrigger;
        ResumedBookmark = bookmark;
    }

    public string WorkflowInstanceId => _execution.WorkflowInstanceId;
    public string WorkflowDefinitionId => _execution.WorkflowDefinitionId;
    public string? CorrelationId { get => _execution.CorrelationId; set => _execution.CorrelationId = value; }

    /// <summary>The workflow instance's name, as the instance list shows it.</summary>
    public string? InstanceName { get => _execution.InstanceName; set => _execution.InstanceName = value; }
    public string ActivityInstanceId => _state.Id;
    public string ActivityId => Node.Id;
    public string NodeId { get; }
    public string? ActivityName => Node.Name;
    public ActivityNode Node { get; }

    /// <summary>True when this activity is the trigger that started the workflow in this run.</summary>
    public bool IsTriggerOfWorkflow { get; }

    /// <summary>The trigger payload (when <see cref="IsTriggerOfWorkflow"/>) or the input given when a bookmark was resumed.</summary>
    public object? Stimulus { get; }

    /// <summary>The bookmark being resumed, in <see cref="Activity{TInput}.ResumeAsync"/>.</summary>
    public Bookmark? ResumedBookmark { get; }

    public DateTimeOffset Now => _execution.Now;

    /// <summary>
    /// True when the activity runs alone from Studio's Test tab: it must change nothing outside the workflow (an
    /// activity that calls another system validates instead of acting), and its outcome is not followed.
    /// </summary>
    public bool IsDryRun => _execution.IsDryRun;

    /// <summary>Variables, workflow input and output, activity outputs.</summary>
    public IWorkflowMemory Memory => _execution;

    /// <summary>State this activity keeps between execute and resume; persisted with the workflow.</summary>
    public IDictionary<string, object?> Properties => _state.Properties ??= [];

    /// <summary>The workflow instance's own properties, stored with it (what outlives this activity, e.g. the last change a watch applied).</summary>
    public IDictionary<string, object?> WorkflowProperties => _execution.InstanceProperties;

    /// <summary>For a loop: a Break in its body asked it to end.</summary>
    public bool IsBreaking => _state.Properties?.GetValueOrDefault(WorkflowExecution.IsBreakingProperty) is true;

    /// <summary>
    /// What this activity keeps between execute and resume only while the instance stays in memory (never stored):
    /// a way to skip redoing work, never a place for anything a resume needs.
    /// </summary>
    public IDictionary<string, object?> Scratch => _state.Scratch ??= [];

    /// <summary>Objects the host passed for this run only (never persisted), e.g. the live HTTP request.</summary>
    public IReadOnlyDictionary<string, object> Transient => _execution.Transient;

    public ValueTask<object?> EvaluateAsync(Expression expression, Type returnType, string inputName, CancellationToken cancellationToken) =>
        _execution.EvaluateAsync(expression, returnType, Node, inputName, cancellationToken, _sharedModels);

    private Dictionary<object, object>? _sharedModels;

    /// <summary>
    /// Lets the expressions evaluated until the returned scope ends share the model their evaluator builds from the
    /// workflow's memory (one build instead of one per template). Only for a stretch that changes no memory.
    /// </summary>
    public IDisposable ShareExpressionModels()
    {
        if (_sharedModels is not null) return NoScope.Instance;
        _sharedModels = [];
        return new SharedModelsScope(this);
    }

    private sealed class SharedModelsScope(ActivityContext context) : IDisposable
    {
        public void Dispose() => context._sharedModels = null;
    }

    private sealed class NoScope : IDisposable
    {
        public static readonly NoScope Instance = new();
        public void Dispose() { }
    }

    /// <summary>True when the flowchart connects this activity's <paramref name="outcome"/> port to another activity.</summary>
    public bool IsOutcomeConnected(string outcome) => _node.Parent?.Flow?.HasOutbound(Node.Id, outcome) == true;

    /// <summary>
    /// Shows what an input evaluated to (e.g. a rendered template) on the execution record, under the input's
    /// descriptor name, in place of the expression; a sensitive input stays masked.
    /// </summary>
    public void RecordEvaluatedInput(string inputName, object? value)
    {
        if (!_node.LogPersistence.IncludesInput(Serialization.JsonLookup.CamelCase(inputName))) return;
        var snapshot = _record.ActivityState ??= [];
        var sensitive = _node.Inputs.Any(i => i.Binding.Name == inputName && i.Binding.IsSensitive);
        snapshot[inputName] = (_state.RecordedInputs ??= [])[inputName] = WorkflowExecution.RecordedValue(value, sensitive);
    }

    /// <summary>
    /// Stores <paramref name="record"/> (e.g. an integration log entry) in the same commit as this burst's state:
    /// both are written or neither is. A dry run keeps nothing.
    /// </summary>
    public void AddToCommit(object record)
    {
        if (!IsDryRun) _execution.AddCommitRecord(record);
    }

    /// <summary>Adds a journal entry for this activity (e.g. an HTTP error).</summary>
    public void Journal(string eventName, string? message, object? payload = null) =>
        _execution.AddJournal(_state, eventName, message, payload);
}

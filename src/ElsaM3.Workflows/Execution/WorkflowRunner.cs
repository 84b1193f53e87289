using ElsaM3.Workflows.Definitions;
using ElsaM3.Workflows.Descriptors;
using ElsaM3.Workflows.Expressions;
using ElsaM3.Workflows.Bookmarks;
using ElsaM3.Workflows.Triggers;

namespace ElsaM3.Workflows.Execution;

/// <summary>
/// Runs workflow instances: start, resume a bookmark, continue interrupted work, cancel. Each call is one
/// execution burst over a <see cref="WorkflowState"/> the caller owns and persists.
/// </summary>
public sealed class WorkflowRunner
{
    private readonly WorkflowEngineServices _services;

    internal WorkflowRunner(WorkflowEngineServices services) => _services = services;

    public WorkflowRunner(ActivityRegistry registry, IEnumerable<IExpressionEvaluator> evaluators, IServiceProvider services,
        TimeProvider time, Microsoft.Extensions.Options.IOptions<WorkflowRuntimeOptions> options)
        : this(new WorkflowEngineServices(registry, evaluators, services, time, options))
    {
    }

    /// <summary>Prepares a definition for running; <paramref name="findWorkflow"/> gives the workflows its activities run (see <see cref="WorkflowGraph.Compile"/>).</summary>
    public WorkflowGraph Compile(WorkflowDefinition definition, Func<Composition.WorkflowActivityReference, WorkflowDefinition?>? findWorkflow = null) =>
        WorkflowGraph.Compile(definition, _services.Registry, findWorkflow);

    /// <summary>A new instance in <see cref="WorkflowSubStatus.Pending"/> with the root flowchart scheduled.</summary>
    public WorkflowState CreateInstance(WorkflowGraph graph, StartOptions options)
    {
        var now = _services.Time.GetUtcNow();
        var definition = graph.Definition;
        var state = new WorkflowState
        {
            Id = options.InstanceId ?? Ids.New(),
            DefinitionId = definition.DefinitionId,
            DefinitionVersionId = definition.Id,
            DefinitionVersion = definition.Version,
            CorrelationId = options.CorrelationId,
            Name = options.Name ?? definition.Name,
            Status = WorkflowStatus.Running,
            SubStatus = WorkflowSubStatus.Pending,
            CreatedAt = now,
            UpdatedAt = now,
            Input = options.Input?.ToDictionary(p => p.Key, p => Serialization.WorkflowJson.ToPlain(p.Value)) ?? [],
        };
        foreach (var variable in graph.Variables)
            state.Variables[variable.Id] = InitialValue(variable);
        state.ScheduledActivities.Add(new ScheduledWork(graph.Root.NodeId, null));
        if (options.TriggerActivityId is not null) state.Properties[TriggerActivityProperty] = options.TriggerActivityId;
        foreach (var (name, value) in options.Properties ?? new Dictionary<string, object?>())
            state.Properties[name] = Serialization.WorkflowJson.ToPlain(value);
        return state;
    }

    /// <summary>The instance property naming the trigger activity that started it.</summary>
    public const string TriggerActivityProperty = "TriggerActivityId";

    public async ValueTask<WorkflowRunResult> StartAsync(WorkflowGraph graph, StartOptions options, CancellationToken cancellationToken = default)
    {
        var state = CreateInstance(graph, options);
        return await RunAsync(graph, state, options, cancellationToken);
    }

    /// <summary>Runs a <see cref="CreateInstance"/> state whose first burst has not happened yet.</summary>
    public async ValueTask<WorkflowRunResult> RunAsync(WorkflowGraph graph, WorkflowState state, StartOptions options, CancellationToken cancellationToken = default)
    {
        var execution = new WorkflowExecution(graph, state, _services, options.Transient, cancellationToken)
        {
            TriggerActivityId = options.TriggerActivityId,
            TriggerInput = options.TriggerInput,
        };
        if (options.Variables is not null)
            foreach (var (name, value) in options.Variables) execution.SetVariable(name, value);
        return await execution.RunAsync();
    }

    /// <summary>Resumes the activity waiting on <paramref name="bookmarkId"/> with <paramref name="input"/>, then runs on.</summary>
    public async ValueTask<WorkflowRunResult> ResumeAsync(WorkflowGraph graph, WorkflowState state, string bookmarkId, object? input = null,
        IReadOnlyDictionary<string, object>? transient = null, CancellationToken cancellationToken = default)
    {
        if (state.Status != WorkflowStatus.Running)
            throw new InvalidOperationException($"Workflow instance '{state.Id}' is {state.SubStatus} and cannot be resumed.");
        var bookmark = state.Bookmarks.FirstOrDefault(b => b.Id == bookmarkId)
            ?? throw new InvalidOperationException($"Workflow instance '{state.Id}' has no bookmark '{bookmarkId}'.");
        var execution = new WorkflowExecution(graph, state, _services, transient, cancellationToken);
        await execution.ResumeAsync(bookmark, input);
        return await execution.RunAsync();
    }

    /// <summary>Runs whatever work the state has scheduled (after a crash, or after an operator retry).</summary>
    public ValueTask<WorkflowRunResult> ContinueAsync(WorkflowGraph graph, WorkflowState state, CancellationToken cancellationToken = default)
    {
        var trigger = state.Properties.GetValueOrDefault(TriggerActivityProperty) as string;
        var execution = new WorkflowExecution(graph, state, _services, null, cancellationToken)
        {
            TriggerActivityId = state.ActivityExecutionContexts.Count == 0 ? trigger : null,
        };
        return execution.RunAsync();
    }

    /// <summary>
    /// Operator retry: reopens a faulted instance and re-runs each faulted activity in place, keeping the
    /// journal and everything that already completed.
    /// </summary>
    public ValueTask<WorkflowRunResult> RetryAsync(WorkflowGraph graph, WorkflowState state, IReadOnlyCollection<string>? activityIds = null, CancellationToken cancellationToken = default)
    {
        var faulted = state.ActivityExecutionContexts
            .Where(c => c.Status == ActivityStatus.Faulted && (activityIds is null || activityIds.Count == 0 || activityIds.Contains(c.ActivityId)))
            .ToList();
        if (faulted.Count == 0)
            throw new InvalidOperationException($"Workflow instance '{state.Id}' has no faulted activity to retry.");
        foreach (var context in faulted)
        {
            state.Incidents.RemoveAll(i => i.ActivityInstanceId == context.Id);
            state.ScheduledActivities.Add(new ScheduledWork(context.NodeId, context.ParentId) { ExistingInstanceId = context.Id, ViaBackwardConnection = context.ViaBackwardConnection });
        }
        state.Status = WorkflowStatus.Running;
        state.SubStatus = WorkflowSubStatus.Executing;
        state.FinishedAt = null;
        var execution = new WorkflowExecution(graph, state, _services, null, cancellationToken);
        return execution.RunAsync();
    }

    /// <summary>
    /// Studio's Test tab: runs the activity at <paramref name="activityNodeId"/> alone, as a dry run, in a throwaway
    /// instance holding <paramref name="input"/>; nothing is stored and nothing runs after it.
    /// </summary>
    public async ValueTask<ActivityExecutionRecord> TestActivityAsync(WorkflowGraph graph, string activityNodeId,
        IReadOnlyDictionary<string, object?>? input, CancellationToken cancellationToken = default)
    {
        var node = graph.Nodes.FirstOrDefault(n => n.NodeId == activityNodeId || (n.Scope.IsRoot && n.Id == activityNodeId))
            ?? throw new KeyNotFoundException($"The workflow has no activity '{activityNodeId}'.");
        var state = CreateInstance(graph, new StartOptions { Input = input });
        state.ScheduledActivities.Clear();
        var execution = new WorkflowExecution(graph, state, _services, null, cancellationToken);
        return await execution.TestAsync(node);
    }

    /// <summary>Cancels a running instance: bookmarks and scheduled work are dropped, the status becomes Finished/Cancelled.</summary>
    public WorkflowRunResult Cancel(WorkflowGraph graph, WorkflowState state)
    {
        if (state.Status == WorkflowStatus.Finished)
            throw new InvalidOperationException($"Workflow instance '{state.Id}' is already {state.SubStatus}.");
        var execution = new WorkflowExecution(graph, state, _services, null, CancellationToken.None);
        return execution.Cancel();
    }

    /// <summary>The triggers of the activities marked <c>canStartWorkflow</c> whose type is an <see cref="Activities.ITrigger"/>.</summary>
    public async ValueTask<IReadOnlyList<WorkflowTrigger>> GetTriggersAsync(WorkflowGraph graph, CancellationToken cancellationToken = default)
    {
        var triggers = new List<WorkflowTrigger>();
        WorkflowExecution? execution = null;
        foreach (var node in graph.Nodes)
        {
            if (!node.Scope.IsRoot || !node.Node.CanStartWorkflow || node.Type?.Factory is null || !typeof(Activities.ITrigger).IsAssignableFrom(node.Type.ClrType)) continue;
            execution ??= new WorkflowExecution(graph, CreateInstance(graph, new StartOptions()), _services, null, cancellationToken);
            object input;
            try
            {
                input = await execution.EvaluateInputsAsync(node);
            }
            catch (ExpressionException e)
            {
                throw new WorkflowDefinitionException($"activities.{node.Id}: the trigger's inputs cannot be evaluated: {e.Message}");
            }
            var activity = (Activities.ITrigger)node.Type.Factory(_services.Services);
            foreach (var request in activity.GetTriggers(input))
            {
                var payload = Serialization.WorkflowJson.ToPlain(request.Payload);
                triggers.Add(new WorkflowTrigger(node.Id, request.Name, StimulusHash.Compute(request.Name, payload), payload));
            }
        }
        return triggers;
    }

    internal static object? InitialValue(VariableDefinition variable)
    {
        if (variable.Value is null) return null;
        var type = TypeAliases.Resolve(variable.TypeName);
        if (variable.IsArray) type = type.MakeArrayType();
        try
        {
            return ValueConverter.Convert(variable.Value, type);
        }
        catch (ExpressionException e)
        {
            throw new WorkflowDefinitionException($"variables: the initial value of '{variable.Name}' is not a {variable.TypeName}: {e.Message}");
        }
    }
}

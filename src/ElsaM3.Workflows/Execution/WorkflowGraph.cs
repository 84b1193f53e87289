using System.Text.Json;
using System.Text.Json.Nodes;
using ElsaM3.Workflows.Composition;
using ElsaM3.Workflows.Definitions;
using ElsaM3.Workflows.Descriptors;
using ElsaM3.Workflows.Expressions;
using ElsaM3.Workflows.Flowchart;
using ElsaM3.Workflows.Serialization;

namespace ElsaM3.Workflows.Execution;

/// <summary>
/// A workflow definition prepared for execution: node ids assigned, activity types resolved, input
/// expressions parsed and flowchart connections classified. Immutable; build once per definition version.
/// </summary>
public sealed class WorkflowGraph
{
    public const string WorkflowNodeId = "Workflow1";
    private readonly Dictionary<string, CompiledNode> _byNodeId = new(StringComparer.Ordinal);

    private WorkflowGraph(WorkflowDefinition definition)
    {
        Definition = definition;
    }

    public WorkflowDefinition Definition { get; }
    public CompiledNode Root { get; private set; } = null!;

    /// <summary>Workflow-level and flowchart-level variables.</summary>
    public IReadOnlyList<VariableDefinition> Variables { get; private set; } = [];

    public CompiledNode Node(string nodeId) => _byNodeId.TryGetValue(nodeId, out var node)
        ? node
        : throw new InvalidOperationException($"The workflow has no activity with node id '{nodeId}'.");

    public IEnumerable<CompiledNode> Nodes => _byNodeId.Values;

    /// <summary>The workflow being run (as opposed to the workflows embedded in it as activities).</summary>
    public CompiledScope RootScope { get; private set; } = null!;

    /// <summary>
    /// Prepares <paramref name="definition"/>; throws <see cref="WorkflowDefinitionException"/> naming what is wrong.
    /// <paramref name="findWorkflow"/> gives the workflow an activity of a workflow-as-activity type runs; without it (or
    /// when it answers <c>null</c>) such an activity faults when it runs, as an unknown type does.
    /// </summary>
    public static WorkflowGraph Compile(WorkflowDefinition definition, ActivityRegistry registry,
        Func<WorkflowActivityReference, WorkflowDefinition?>? findWorkflow = null)
    {
        var graph = new WorkflowGraph(definition);
        graph.RootScope = new CompiledScope(definition, owner: null);
        var compilation = new Compilation(registry, findWorkflow ?? (_ => null), [definition.DefinitionId],
            new Lazy<WorkflowDefinitionSerializer>(() => new WorkflowDefinitionSerializer(registry)));
        graph.Root = graph.Add(definition.Root, null, WorkflowNodeId, compilation, graph.RootScope, []);
        graph.Variables = graph.RootScope.Variables;
        foreach (var variable in graph.Nodes.Select(n => n.Scope).Distinct().SelectMany(s => s.Variables))
            if (string.IsNullOrWhiteSpace(variable.Id) || string.IsNullOrWhiteSpace(variable.Name))
                throw new WorkflowDefinitionException("variables: every variable needs an 'id' and a 'name'.");
        return graph;
    }

    private sealed record Compilation(ActivityRegistry Registry, Func<WorkflowActivityReference, WorkflowDefinition?> FindWorkflow, IReadOnlyList<string> Enclosing,
        Lazy<WorkflowDefinitionSerializer> Reader);

    /// <param name="runVariables">The variables the runs of enclosing bodies give (ForEach's CurrentValue, …), innermost first.</param>
    private CompiledNode Add(ActivityNode node, CompiledNode? parent, string parentNodeId, Compilation compilation, CompiledScope scope,
        IReadOnlyList<VariableDefinition> runVariables)
    {
        var nodeId = $"{parentNodeId}:{node.Id}";
        // An embedded workflow's nodes belong to its own definition (and may be embedded more than once): left as they are.
        if (scope.IsRoot) node.NodeId = nodeId;
        var type = node.Unrecognised is null ? compilation.Registry.Find(node.Type) : null;
        var workflow = type is null && WorkflowActivityReference.TryRead(node) is { } reference ? compilation.FindWorkflow(reference) : null;
        var compiled = new CompiledNode(node, nodeId, type, parent, scope)
        {
            Inputs = type is null ? [] : CompileInputs(node, type),
            OutputTargets = type is null ? [] : CompileOutputs(node, type),
            JoinMode = node.Type == "Elsa.FlowJoin" ? ReadJoinMode(node) : FlowJoinMode.WaitAllActive,
            WorkflowActivity = workflow is null ? null : BindWorkflowActivity(node, workflow),
            Variables = runVariables.Count == 0 ? scope.Variables : [.. runVariables, .. scope.Variables],
            LogPersistence = Journal.LogPersistence.For(node, scope.Definition),
            InBody = runVariables.Count > 0,
        };
        if (!_byNodeId.TryAdd(nodeId, compiled))
            throw new WorkflowDefinitionException($"activities: the id '{node.Id}' is used by more than one activity in the same flowchart.");
        if (node.IsFlowchart) compiled.Flow = new FlowGraph(node);
        if (node.Activities is not null)
            foreach (var child in node.Activities)
                compiled.Children[child.Id] = Add(child, compiled, nodeId, compilation, scope, runVariables);
        if (node.IsSequence) compiled.Steps = node.Activities!.Select(a => compiled.Children[a.Id]).ToList();
        if (workflow is not null)
        {
            if (compilation.Enclosing.Contains(workflow.DefinitionId))
                throw new WorkflowDefinitionException(
                    $"activities: '{node.Name ?? node.Id}' runs the workflow '{workflow.Name ?? workflow.DefinitionId}' inside itself; a workflow cannot contain itself.");
            compiled.Body = Add(workflow.Root, compiled, nodeId,
                compilation with { Enclosing = [.. compilation.Enclosing, workflow.DefinitionId] }, new CompiledScope(workflow, compiled), []);
        }
        if (type?.Body is { } body && JsonLookup.Get(node.Properties, "body") is JsonObject bodyJson)
        {
            var bodyNode = compilation.Reader.Value.DeserializeActivity(bodyJson.ToJsonString());
            scope.Declare(bodyNode.DescendantsAndSelf().SelectMany(n => n.Variables ?? []));
            var own = body.Variables.Select(name => new VariableDefinition { Id = $"{nodeId}:{name}", Name = name, TypeName = "Object" });
            compiled.Body = Add(bodyNode, compiled, nodeId, compilation, scope, [.. own, .. runVariables]);
        }
        return compiled;
    }

    private static WorkflowActivityBinding BindWorkflowActivity(ActivityNode node, WorkflowDefinition workflow)
    {
        var json = node.Unrecognised ?? node.Properties;
        var inputs = workflow.Inputs.Select(input =>
        {
            var value = JsonLookup.Get(json, WorkflowActivityPropertyNames.Safe(input.Name));
            var expression = value switch
            {
                JsonObject wrapper => Expression.FromJson(JsonLookup.Get(wrapper, "expression")),
                JsonValue literal => new Expression("Literal", literal.DeepClone()),
                _ => null,
            };
            return (input.Name, expression);
        }).ToList();
        var outputs = workflow.Outputs
            .Select(output => (output.Name, MemoryId: JsonLookup.Get(json, WorkflowActivityPropertyNames.Safe(output.Name)) is JsonObject wrapper
                && JsonLookup.Get(wrapper, "memoryReference") is JsonObject reference ? JsonLookup.GetString(reference, "id") : null))
            .Where(o => !string.IsNullOrEmpty(o.MemoryId))
            .Select(o => (o.Name, o.MemoryId!)).ToList();
        return new WorkflowActivityBinding(workflow, inputs, outputs);
    }

    private static IReadOnlyList<CompiledInput> CompileInputs(ActivityNode node, ActivityType type)
    {
        var inputs = new List<CompiledInput>();
        foreach (var binding in type.Inputs)
        {
            if (!node.Properties.TryGetPropertyValue(binding.JsonName, out var value) || value is null) continue;
            if (!binding.IsWrapped)
            {
                inputs.Add(new CompiledInput(binding, null, value));
                continue;
            }
            var expression = Expression.FromJson(value["expression"]);
            if (expression is not null) inputs.Add(new CompiledInput(binding, expression, null));
        }
        return inputs;
    }

    private static IReadOnlyList<(OutputBinding Output, string MemoryId)> CompileOutputs(ActivityNode node, ActivityType type)
    {
        var targets = new List<(OutputBinding, string)>();
        foreach (var output in type.Outputs)
            if (node.Properties[output.JsonName] is JsonObject wrapper && wrapper["memoryReference"]?["id"] is JsonValue id
                && id.GetValueKind() == JsonValueKind.String)
                targets.Add((output, id.GetValue<string>()));
        return targets;
    }

    private static FlowJoinMode ReadJoinMode(ActivityNode node)
    {
        var text = Expression.FromJson(node.Properties["mode"]?["expression"])?.Text;
        return Enum.TryParse<FlowJoinMode>(text, ignoreCase: true, out var mode) ? mode : FlowJoinMode.WaitAny;
    }
}

/// <summary>One activity of a <see cref="WorkflowGraph"/>.</summary>
public sealed class CompiledNode(ActivityNode node, string nodeId, ActivityType? type, CompiledNode? parent, CompiledScope scope)
{
    public ActivityNode Node { get; } = node;
    public string NodeId { get; } = nodeId;
    public string Id => Node.Id;

    /// <summary><c>null</c> when the activity type is not registered.</summary>
    public ActivityType? Type { get; } = type;
    public CompiledNode? Parent { get; } = parent;
    public required IReadOnlyList<CompiledInput> Inputs { get; init; }
    /// <summary>Outputs bound to memory: a variable of the scope or, failing that, one of its workflow's outputs.</summary>
    public required IReadOnlyList<(OutputBinding Output, string MemoryId)> OutputTargets { get; init; }
    public FlowJoinMode JoinMode { get; init; }

    /// <summary>The workflow this activity belongs to.</summary>
    public CompiledScope Scope { get; } = scope;

    /// <summary>For a workflow used as an activity: its inputs and outputs, and its root as <see cref="Body"/>.</summary>
    public WorkflowActivityBinding? WorkflowActivity { get; init; }

    /// <summary>The embedded activity this one runs: a workflow's root, or the body of a ForEach, While, FlowNode, ….</summary>
    public CompiledNode? Body { get; internal set; }

    /// <summary>The variables its expressions see: its workflow's, after those the runs of enclosing bodies give.</summary>
    public required IReadOnlyList<VariableDefinition> Variables { get; init; }

    /// <summary>Which of its inputs and outputs its execution record keeps.</summary>
    public Journal.LogPersistence LogPersistence { get; init; } = Journal.LogPersistence.IncludeAll;

    /// <summary>Inside the body of a ForEach-like activity: some variables live on the body run's execution.</summary>
    public bool InBody { get; init; }

    /// <summary>An activity (not a workflow) whose <see cref="Body"/> it runs and is called back for.</summary>
    public bool RunsBody => Type?.Body is not null;

    /// <summary>Where this activity's outputs are kept in the instance: its id, or its node id inside an embedded workflow (ids repeat across workflows).</summary>
    public string OutputKey => Scope.IsRoot ? Id : NodeId;

    /// <summary>For flowcharts: the routing structure and children by activity id.</summary>
    public FlowGraph? Flow { get; internal set; }

    /// <summary>For sequences: the children in the order they run.</summary>
    public IReadOnlyList<CompiledNode>? Steps { get; internal set; }
    public Dictionary<string, CompiledNode> Children { get; } = new(StringComparer.Ordinal);

    public bool IsTerminal => Type?.Descriptor.IsTerminal == true;
    public string DisplayName => Node.Name ?? Node.Id;
}

/// <summary>An input of one node: either a parsed expression (wrapped inputs) or raw JSON (plain inputs).</summary>
public sealed record CompiledInput(InputBinding Binding, Expression? Expression, JsonNode? Raw);

/// <summary>A definition that cannot run; the message starts with the offending field.</summary>
public class WorkflowDefinitionException(string message) : Exception(message);

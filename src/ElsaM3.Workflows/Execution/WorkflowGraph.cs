using System.Text.Json;
using System.Text.Json.Nodes;
using ElsaM3.Workflows.Definitions;
using ElsaM3.Workflows.Descriptors;
using ElsaM3.Workflows.Expressions;
using ElsaM3.Workflows.Flowchart;

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

    /// <summary>Prepares <paramref name="definition"/>; throws <see cref="WorkflowDefinitionException"/> naming what is wrong.</summary>
    public static WorkflowGraph Compile(WorkflowDefinition definition, ActivityRegistry registry)
    {
        if (definition.Root.Unrecognised is not null || !definition.Root.IsFlowchart)
            throw new WorkflowDefinitionException($"root: the root activity must be an {ActivityNode.FlowchartType}, not '{definition.Root.Type}'.");
        var graph = new WorkflowGraph(definition);
        graph.Root = graph.Add(definition.Root, null, WorkflowNodeId, registry);
        graph.Variables = definition.Variables
            .Concat(definition.Root.DescendantsAndSelf().SelectMany(n => n.Variables ?? []))
            .GroupBy(v => v.Id).Select(g => g.First()).ToList();
        foreach (var variable in graph.Variables)
            if (string.IsNullOrWhiteSpace(variable.Id) || string.IsNullOrWhiteSpace(variable.Name))
                throw new WorkflowDefinitionException("variables: every variable needs an 'id' and a 'name'.");
        return graph;
    }

    private CompiledNode Add(ActivityNode node, CompiledNode? parent, string parentNodeId, ActivityRegistry registry)
    {
        var nodeId = $"{parentNodeId}:{node.Id}";
        node.NodeId = nodeId;
        var type = node.Unrecognised is null ? registry.Find(node.Type) : null;
        var compiled = new CompiledNode(node, nodeId, type, parent)
        {
            Inputs = type is null ? [] : CompileInputs(node, type),
            OutputTargets = type is null ? [] : CompileOutputs(node, type),
            JoinMode = node.Type == "Elsa.FlowJoin" ? ReadJoinMode(node) : FlowJoinMode.WaitAllActive,
        };
        if (!_byNodeId.TryAdd(nodeId, compiled))
            throw new WorkflowDefinitionException($"activities: the id '{node.Id}' is used by more than one activity in the same flowchart.");
        if (node.IsFlowchart)
        {
            compiled.Flow = new FlowGraph(node);
            foreach (var child in node.Activities!)
                compiled.Children[child.Id] = Add(child, compiled, nodeId, registry);
        }
        return compiled;
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

    private static IReadOnlyList<(OutputBinding Output, string VariableId)> CompileOutputs(ActivityNode node, ActivityType type)
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
public sealed class CompiledNode(ActivityNode node, string nodeId, ActivityType? type, CompiledNode? parent)
{
    public ActivityNode Node { get; } = node;
    public string NodeId { get; } = nodeId;
    public string Id => Node.Id;

    /// <summary><c>null</c> when the activity type is not registered.</summary>
    public ActivityType? Type { get; } = type;
    public CompiledNode? Parent { get; } = parent;
    public required IReadOnlyList<CompiledInput> Inputs { get; init; }
    public required IReadOnlyList<(OutputBinding Output, string VariableId)> OutputTargets { get; init; }
    public FlowJoinMode JoinMode { get; init; }

    /// <summary>For flowcharts: the routing structure and children by activity id.</summary>
    public FlowGraph? Flow { get; internal set; }
    public Dictionary<string, CompiledNode> Children { get; } = new(StringComparer.Ordinal);

    public bool IsTerminal => Type?.Descriptor.IsTerminal == true;
    public string DisplayName => Node.Name ?? Node.Id;
}

/// <summary>An input of one node: either a parsed expression (wrapped inputs) or raw JSON (plain inputs).</summary>
public sealed record CompiledInput(InputBinding Binding, Expression? Expression, JsonNode? Raw);

/// <summary>A definition that cannot run; the message starts with the offending field.</summary>
public class WorkflowDefinitionException(string message) : Exception(message);

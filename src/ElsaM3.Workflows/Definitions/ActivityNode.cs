using System.Text.Json.Nodes;

namespace ElsaM3.Workflows.Definitions;

/// <summary>
/// One activity in a workflow graph, as stored in Elsa JSON. Inputs, outputs and any property the runtime
/// does not model live in <see cref="Properties"/> under their camelCase JSON names.
/// </summary>
public sealed class ActivityNode
{
    public const string FlowchartType = "Elsa.Flowchart";
    public const string SequenceType = "Elsa.Sequence";

    public string Id { get; set; } = "";
    public string? NodeId { get; set; }
    public string? Name { get; set; }
    public string Type { get; set; } = "";
    public int Version { get; set; } = 1;
    public JsonObject CustomProperties { get; set; } = [];
    public JsonObject Metadata { get; set; } = [];

    /// <summary>Every other property: input and output wrappers, plain inputs and unknown properties.</summary>
    public JsonObject Properties { get; set; } = [];

    /// <summary>Children of a container (a flowchart or a sequence); <c>null</c> for leaf activities.</summary>
    public List<ActivityNode>? Activities { get; set; }
    public List<Connection>? Connections { get; set; }
    public List<VariableDefinition>? Variables { get; set; }

    /// <summary>
    /// For an activity whose type this runtime does not know: the JSON exactly as read, written back unchanged.
    /// </summary>
    public JsonObject? Unrecognised { get; set; }

    public bool IsFlowchart => Activities is not null && Type == FlowchartType;

    public bool IsSequence => Activities is not null && Type == SequenceType;

    public bool CanStartWorkflow => CustomProperties["canStartWorkflow"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;

    public static ActivityNode EmptyFlowchart() => new()
    {
        Id = "Flowchart1",
        Name = "Flowchart1",
        Type = FlowchartType,
        Activities = [],
        Connections = [],
        Variables = [],
    };

    /// <summary>Depth-first list of this node and every descendant.</summary>
    public IEnumerable<ActivityNode> DescendantsAndSelf()
    {
        yield return this;
        if (Activities is null) yield break;
        foreach (var child in Activities)
        foreach (var node in child.DescendantsAndSelf())
            yield return node;
    }
}

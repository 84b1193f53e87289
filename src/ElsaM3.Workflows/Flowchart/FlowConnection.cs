namespace ElsaM3.Workflows.Flowchart;

/// <summary>A connection between two activities of one flowchart, classified once when the graph is built.</summary>
public sealed record FlowConnection(string Key, string SourceId, string Port, string TargetId)
{
    /// <summary>The target was already on the path to the source: following it loops back.</summary>
    public bool IsBackward { get; init; }

    /// <summary>For a backward connection: every path from the start to the source goes through the target.</summary>
    public bool IsValidBackward { get; init; }
}

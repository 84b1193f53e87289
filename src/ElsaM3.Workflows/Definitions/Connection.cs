using System.Text.Json.Nodes;

namespace ElsaM3.Workflows.Definitions;

/// <summary>A flowchart connection from a source activity's outcome port to a target activity.</summary>
public sealed record Connection(Endpoint Source, Endpoint Target)
{
    /// <summary>Designer bend points, kept verbatim.</summary>
    public JsonArray? Vertices { get; init; }
}

/// <summary>One end of a connection: an activity id and a port name.</summary>
public sealed record Endpoint(string Activity, string Port);

namespace ElsaM3.Workflows.Flowchart;

/// <summary>How a join waits for its inbound connections.</summary>
public enum FlowJoinMode
{
    /// <summary>Run on the first followed inbound connection and cancel the other inbound branches.</summary>
    WaitAny,

    /// <summary>Run when every inbound connection was followed; skip when all were visited but not all followed.</summary>
    WaitAll,

    /// <summary>Run when every inbound connection was visited and at least one followed (every activity's implicit join).</summary>
    WaitAllActive,
}

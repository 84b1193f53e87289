namespace ElsaM3.Simulators.Faults;

/// <summary>A failure the simulator can inject into later calls.</summary>
public enum FaultKind
{
    /// <summary>503 <c>SERVICE_UNAVAILABLE</c>, nothing done.</summary>
    Transient503,

    /// <summary>429 with <c>Retry-After</c>, nothing done.</summary>
    Transient429,

    /// <summary>No answer until the caller gives up; nothing done.</summary>
    Timeout,

    /// <summary>The connection is dropped; nothing done.</summary>
    Reset,

    /// <summary>The call is carried out and stored, then the answer never arrives.</summary>
    CommitThenTimeout,

    /// <summary>500 <c>INTERNAL_ERROR</c>, nothing done (the <c>X-Sim-Fault: internal-500</c> header).</summary>
    Internal500,
}

/// <summary>The one table of fault names, used by the control API and the <c>X-Sim-Fault</c> header alike.</summary>
public static class FaultKinds
{
    public static readonly IReadOnlyDictionary<string, FaultKind> ByName = new Dictionary<string, FaultKind>
    {
        ["transient-503"] = FaultKind.Transient503,
        ["transient-429"] = FaultKind.Transient429,
        ["timeout"] = FaultKind.Timeout,
        ["transient-timeout"] = FaultKind.Timeout,
        ["internal-500"] = FaultKind.Internal500,
        ["reset"] = FaultKind.Reset,
        ["commit-then-timeout"] = FaultKind.CommitThenTimeout,
    };
}

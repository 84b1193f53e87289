namespace ElsaM3.Workflows.Incidents;

/// <summary>What a fault does to the workflow (Elsa's incident strategies).</summary>
public enum IncidentStrategy
{
    /// <summary>The workflow ends Finished/Faulted (Elsa's <c>FaultStrategy</c>).</summary>
    Fault,

    /// <summary>Other branches go on; the faulted activity's successors never run (<c>ContinueWithIncidentsStrategy</c>).</summary>
    ContinueWithIncidents,
}

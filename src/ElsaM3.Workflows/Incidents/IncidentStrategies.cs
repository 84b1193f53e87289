namespace ElsaM3.Workflows.Incidents;

public static class IncidentStrategies
{
    public const string FaultTypeName = "Elsa.Workflows.IncidentStrategies.FaultStrategy, Elsa.Workflows.Core";
    public const string ContinueWithIncidentsTypeName = "Elsa.Workflows.IncidentStrategies.ContinueWithIncidentsStrategy, Elsa.Workflows.Core";

    /// <summary>Reads the type name Studio stores in <c>options.incidentStrategyType</c>.</summary>
    public static IncidentStrategy? Parse(string? typeName) => typeName switch
    {
        null or "" => null,
        _ when typeName.Contains("ContinueWithIncidents", StringComparison.Ordinal) => IncidentStrategy.ContinueWithIncidents,
        _ when typeName.Contains("FaultStrategy", StringComparison.Ordinal) => IncidentStrategy.Fault,
        _ => null,
    };
}

using ElsaM3.Workflows.Incidents;
namespace ElsaM3.Workflows.Execution;

/// <summary>Runtime settings, bound to <c>ElsaM3:Runtime</c>.</summary>
public sealed class WorkflowRuntimeOptions
{
    /// <summary>The configuration section this binds to.</summary>
    public const string Section = "ElsaM3:Runtime";

    /// <summary>Incident strategy for workflows that do not choose one. Default: fault the workflow.</summary>
    public IncidentStrategy DefaultIncidentStrategy { get; set; } = IncidentStrategy.Fault;

    /// <summary>Safety net against runaway loops: most activities one burst may run. Default 100,000.</summary>
    public int MaxActivitiesPerBurst { get; set; } = 100_000;
}

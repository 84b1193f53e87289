using ElsaM3.Workflows.Execution;

namespace ElsaM3.Runtime.Instances;

/// <summary>A workflow instance without its state, for lists; <paramref name="NodeName"/> ran its latest burst (as stored).</summary>
public sealed record WorkflowInstanceSummary(
    string Id, string DefinitionId, string DefinitionVersionId, int Version,
    WorkflowStatus Status, WorkflowSubStatus SubStatus, string? CorrelationId, string? Name, int IncidentCount,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? FinishedAt, string? NodeName = null)
{
    public static WorkflowInstanceSummary From(WorkflowState state) => new(
        state.Id, state.DefinitionId, state.DefinitionVersionId, state.DefinitionVersion, state.Status, state.SubStatus,
        state.CorrelationId, state.Name, state.Incidents.Count, state.CreatedAt, state.UpdatedAt, state.FinishedAt);
}

using ElsaM3.Workflows.Execution;

namespace ElsaM3.Runtime.Instances;

/// <summary>Filters and paging for instance lists (the body of Elsa's <c>POST /workflow-instances</c>).</summary>
public sealed record InstanceQuery
{
    public IReadOnlyCollection<string>? DefinitionIds { get; init; }
    public IReadOnlyCollection<string>? Ids { get; init; }
    public string? CorrelationId { get; init; }
    public string? SearchTerm { get; init; }
    public int? Version { get; init; }
    public bool? HasIncidents { get; init; }
    public IReadOnlyCollection<WorkflowStatus>? Statuses { get; init; }
    public IReadOnlyCollection<WorkflowSubStatus>? SubStatuses { get; init; }
    public InstanceOrder OrderBy { get; init; } = InstanceOrder.Created;
    public bool Descending { get; init; } = true;
    public int Page { get; init; }
    public int PageSize { get; init; } = 50;
}

public enum InstanceOrder
{
    Created,
    LastExecuted,
    Finished,
    Name,
}

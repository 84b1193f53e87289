namespace ElsaM3.Runtime.Definitions;

/// <summary>A definition version without its graph, for lists.</summary>
public sealed record WorkflowDefinitionSummary(
    string Id, string DefinitionId, string? Name, string? Description, int Version,
    bool IsLatest, bool IsPublished, DateTimeOffset CreatedAt);

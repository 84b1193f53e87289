using ElsaM3.Runtime.Stores;
using ElsaM3.Runtime.Triggers;
using ElsaM3.Workflows.Definitions;

namespace ElsaM3.Runtime.Definitions;

/// <summary>Stored workflow definitions (one row per version) and the triggers of published versions.</summary>
public interface IWorkflowDefinitionStore
{
    Task<WorkflowDefinition?> FindAsync(string definitionId, VersionOptions versionOptions, CancellationToken cancellationToken);

    Task<WorkflowDefinition?> FindByIdAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<WorkflowDefinition>> FindManyAsync(DefinitionQuery query, CancellationToken cancellationToken);

    Task<Page<WorkflowDefinitionSummary>> ListAsync(DefinitionQuery query, CancellationToken cancellationToken);

    /// <summary>Inserts or updates these versions in one transaction.</summary>
    Task SaveAsync(IReadOnlyCollection<WorkflowDefinition> versions, CancellationToken cancellationToken);

    /// <summary>Deletes every version of a definition and its triggers; returns how many versions went.</summary>
    Task<int> DeleteAsync(string definitionId, CancellationToken cancellationToken);

    Task<bool> DeleteVersionAsync(string id, CancellationToken cancellationToken);

    Task ReplaceTriggersAsync(string definitionId, IReadOnlyCollection<StoredTrigger> triggers, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredTrigger>> ListTriggersAsync(string? name, CancellationToken cancellationToken);
}

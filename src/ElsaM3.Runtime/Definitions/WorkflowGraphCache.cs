using System.Collections.Concurrent;
using ElsaM3.Workflows.Definitions;
using ElsaM3.Workflows.Execution;

namespace ElsaM3.Runtime.Definitions;

/// <summary>Compiled graphs by definition version id, so a version is prepared once, not per run.</summary>
public sealed class WorkflowGraphCache(WorkflowRunner runner, IWorkflowDefinitionStore store)
{
    private readonly ConcurrentDictionary<string, WorkflowGraph> _graphs = new(StringComparer.Ordinal);

    public WorkflowGraph Get(WorkflowDefinition definition) => _graphs.GetOrAdd(definition.Id, _ => runner.Compile(definition));

    public async Task<WorkflowGraph?> FindAsync(string definitionVersionId, CancellationToken cancellationToken)
    {
        if (_graphs.TryGetValue(definitionVersionId, out var graph)) return graph;
        var definition = await store.FindByIdAsync(definitionVersionId, cancellationToken);
        return definition is null ? null : Get(definition);
    }

    /// <summary>Drops a version whose draft was overwritten or deleted.</summary>
    public void Invalidate(string definitionVersionId) => _graphs.TryRemove(definitionVersionId, out _);
}

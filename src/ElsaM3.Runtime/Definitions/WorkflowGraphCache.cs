using System.Collections.Concurrent;
using ElsaM3.Runtime.Coordination;
using ElsaM3.Workflows.Composition;
using ElsaM3.Workflows.Definitions;
using ElsaM3.Workflows.Execution;

namespace ElsaM3.Runtime.Definitions;

/// <summary>
/// Compiled graphs by definition version id, so a version is prepared once, not per run. A graph embeds the workflows
/// its activities run, found as Elsa finds them (<see cref="FindWorkflowAsync"/>). A change on another node drops every
/// graph (a draft keeps its version id when overwritten).
/// </summary>
public sealed class WorkflowGraphCache
{
    private readonly ConcurrentDictionary<string, WorkflowGraph> _graphs = new(StringComparer.Ordinal);
    private readonly WorkflowRunner _runner;
    private readonly IWorkflowDefinitionStore _store;

    public WorkflowGraphCache(WorkflowRunner runner, IWorkflowDefinitionStore store, INodeBroadcast broadcast)
    {
        _runner = runner;
        _store = store;
        broadcast.Subscribe(SharedStateTopic.Definitions, InvalidateAll);
    }

    public async ValueTask<WorkflowGraph> GetAsync(WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        if (_graphs.TryGetValue(definition.Id, out var graph)) return graph;
        return _graphs.GetOrAdd(definition.Id, await CompileAsync(definition, cancellationToken));
    }

    public async Task<WorkflowGraph?> FindAsync(string definitionVersionId, CancellationToken cancellationToken)
    {
        if (_graphs.TryGetValue(definitionVersionId, out var graph)) return graph;
        var definition = await _store.FindByIdAsync(definitionVersionId, cancellationToken);
        return definition is null ? null : await GetAsync(definition, cancellationToken);
    }

    /// <summary>Compiles without keeping the graph (a definition being checked before it is saved).</summary>
    public async ValueTask<WorkflowGraph> CompileAsync(WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        var workflows = await FindWorkflowsAsync(definition, cancellationToken);
        return _runner.Compile(definition, reference => workflows.GetValueOrDefault(reference));
    }

    /// <summary>Drops a version whose draft was overwritten or deleted.</summary>
    public void Invalidate(string definitionVersionId) => _graphs.TryRemove(definitionVersionId, out _);

    /// <summary>Drops every graph: a workflow used as an activity changed, and any graph may embed it.</summary>
    public void InvalidateAll() => _graphs.Clear();

    /// <summary>Every workflow the activities of <paramref name="definition"/> run, and the ones those run, by reference.</summary>
    private async Task<Dictionary<WorkflowActivityReference, WorkflowDefinition>> FindWorkflowsAsync(WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        var found = new Dictionary<WorkflowActivityReference, WorkflowDefinition>();
        var searched = new HashSet<string>(StringComparer.Ordinal) { definition.Id };
        var pending = new Queue<WorkflowDefinition>([definition]);
        while (pending.TryDequeue(out var next))
            foreach (var reference in next.Root.DescendantsAndSelf().SelectMany(References))
            {
                if (found.ContainsKey(reference) || await FindWorkflowAsync(reference, cancellationToken) is not { } workflow) continue;
                found[reference] = workflow;
                if (searched.Add(workflow.Id)) pending.Enqueue(workflow);
            }
        return found;
    }

    private static IEnumerable<WorkflowActivityReference> References(ActivityNode node) =>
        node.Unrecognised is not null
            ? WorkflowActivityReference.TryRead(node) is { } reference ? [reference] : []
            : WorkflowActivityReference.InEmbeddedJson(node);

    /// <summary>Elsa's choice of version: the one the activity names (by id, else by number), else the published one, else the latest.</summary>
    public async Task<WorkflowDefinition?> FindWorkflowAsync(WorkflowActivityReference reference, CancellationToken cancellationToken)
    {
        var named = reference.VersionId is { } versionId
            ? await _store.FindByIdAsync(versionId, cancellationToken)
            : await _store.FindAsync(reference.DefinitionId, VersionOptions.SpecificVersion(reference.Version), cancellationToken);
        if (named is not null && named.DefinitionId == reference.DefinitionId) return named;
        return await _store.FindAsync(reference.DefinitionId, VersionOptions.Published, cancellationToken)
            ?? await _store.FindAsync(reference.DefinitionId, VersionOptions.Latest, cancellationToken);
    }
}

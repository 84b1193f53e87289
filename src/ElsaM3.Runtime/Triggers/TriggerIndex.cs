using ElsaM3.Runtime.Coordination;
using ElsaM3.Runtime.Definitions;

namespace ElsaM3.Runtime.Triggers;

/// <summary>
/// The published triggers, cached in memory by stimulus name and reloaded when publishing changes them, here or on
/// another node.
/// </summary>
public sealed class TriggerIndex
{
    private readonly IWorkflowDefinitionStore _store;
    private volatile Dictionary<string, IReadOnlyList<StoredTrigger>>? _byName;
    private readonly SemaphoreSlim _loading = new(1, 1);

    public TriggerIndex(IWorkflowDefinitionStore store, INodeBroadcast broadcast)
    {
        _store = store;
        broadcast.Subscribe(SharedStateTopic.Definitions, Invalidate);
    }

    public async ValueTask<IReadOnlyList<StoredTrigger>> GetAsync(string name, CancellationToken cancellationToken)
    {
        var byName = _byName ?? await LoadAsync(cancellationToken);
        return byName.TryGetValue(name, out var triggers) ? triggers : [];
    }

    public void Invalidate() => _byName = null;

    private async Task<Dictionary<string, IReadOnlyList<StoredTrigger>>> LoadAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_byName is { } loaded) return loaded;
            var all = await _store.ListTriggersAsync(null, cancellationToken);
            var byName = all.GroupBy(t => t.Name).ToDictionary(g => g.Key, g => (IReadOnlyList<StoredTrigger>)g.ToList());
            _byName = byName;
            return byName;
        }
        finally
        {
            _loading.Release();
        }
    }
}

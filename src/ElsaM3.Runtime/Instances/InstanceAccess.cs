using ElsaM3.Runtime.Coordination;

namespace ElsaM3.Runtime.Instances;

/// <summary>
/// Exclusive access to a stored instance for one burst: this process's gate (<see cref="InstanceLocks"/>) and, when
/// other nodes share the store, the instance's lock there too, so a resume on another node waits instead of running
/// the same instance twice.
/// </summary>
public sealed class InstanceAccess(InstanceLocks local, INodeLocks nodes)
{
    /// <summary>Whether the instance may also be run by other nodes (then no state is kept in memory between bursts).</summary>
    public bool SpansNodes => nodes.SpansNodes;

    public async Task<IAsyncDisposable> AcquireAsync(string instanceId, CancellationToken cancellationToken)
    {
        var gate = await local.AcquireAsync(instanceId, cancellationToken);
        if (!nodes.SpansNodes) return new Held(gate, null);
        try
        {
            return new Held(gate, await nodes.AcquireAsync("elsam3:instance:" + instanceId, cancellationToken));
        }
        catch
        {
            gate.Dispose();
            throw;
        }
    }

    /// <summary>This process's gate only: for an instance no other node can see yet (a held start before its first commit).</summary>
    public Task<IDisposable> AcquireLocalAsync(string instanceId, CancellationToken cancellationToken) => local.AcquireAsync(instanceId, cancellationToken);

    private sealed class Held(IDisposable gate, IAsyncDisposable? node) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                if (node is not null) await node.DisposeAsync();
            }
            finally
            {
                gate.Dispose();
            }
        }
    }
}

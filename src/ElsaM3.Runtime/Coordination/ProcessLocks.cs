using System.Collections.Concurrent;

namespace ElsaM3.Runtime.Coordination;

/// <summary>The embedded store's locks: one node, so a lock only has to hold within this process.</summary>
public sealed class ProcessLocks : INodeLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    public bool SpansNodes => false;

    public async ValueTask<IAsyncDisposable> AcquireAsync(string name, CancellationToken cancellationToken)
    {
        var gate = Gate(name);
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    public async ValueTask<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken)
    {
        var gate = Gate(name);
        return await gate.WaitAsync(TimeSpan.Zero, cancellationToken) ? new Release(gate) : null;
    }

    // Few names (the background jobs'): a gate per name is kept for the life of the process.
    private SemaphoreSlim Gate(string name) => _gates.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));

    private sealed class Release(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}

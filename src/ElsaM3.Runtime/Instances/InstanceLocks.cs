using System.Collections.Concurrent;

namespace ElsaM3.Runtime.Instances;

/// <summary>Serialises bursts of the same instance within this process (timer, HTTP and operator resumes may race).</summary>
public sealed class InstanceLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string instanceId, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(instanceId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Releaser(this, instanceId, gate);
    }

    private sealed class Releaser(InstanceLocks owner, string id, SemaphoreSlim gate) : IDisposable
    {
        public void Dispose()
        {
            gate.Release();
            if (gate.CurrentCount == 1) owner._locks.TryRemove(new KeyValuePair<string, SemaphoreSlim>(id, gate));
        }
    }
}

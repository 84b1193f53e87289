namespace ElsaM3.Runtime.Instances;

/// <summary>
/// Serialises bursts of the same instance within this process (timer, HTTP and operator resumes may race). An entry
/// lives while anyone holds or waits for it: it is counted, so a waiter never ends up on a gate that was dropped
/// while a newcomer takes a fresh one (two holders at once).
/// </summary>
public sealed class InstanceLocks
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();

    /// <summary>How many instances are held or waited for (for tests: entries go when nobody needs them).</summary>
    public int Count
    {
        get { lock (_sync) return _entries.Count; }
    }

    public async Task<IDisposable> AcquireAsync(string instanceId, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_sync)
        {
            if (!_entries.TryGetValue(instanceId, out entry!)) _entries[instanceId] = entry = new Entry();
            entry.Users++;
        }
        try
        {
            await entry.Gate.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(instanceId, entry);
            throw;
        }
        return new Releaser(this, instanceId, entry);
    }

    private void Leave(string instanceId, Entry entry)
    {
        lock (_sync)
            if (--entry.Users == 0) _entries.Remove(instanceId);
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public int Users { get; set; }
    }

    private sealed class Releaser(InstanceLocks owner, string instanceId, Entry entry) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
            entry.Gate.Release();
            owner.Leave(instanceId, entry);
        }
    }
}

namespace ElsaM3.Runtime.Coordination;

/// <summary>
/// Named locks that hold across every node sharing the store (an instance's bursts, a singleton background job). On the
/// embedded store there is one node: <see cref="SpansNodes"/> is false and the process's own locks are enough.
/// </summary>
public interface INodeLocks
{
    /// <summary>Whether other nodes share the store, so a lock here must be taken there too.</summary>
    bool SpansNodes { get; }

    /// <summary>Waits until the lock is free, then holds it until disposed.</summary>
    ValueTask<IAsyncDisposable> AcquireAsync(string name, CancellationToken cancellationToken);

    /// <summary>The lock when nobody holds it now; <c>null</c> when another holder (on any node) has it.</summary>
    ValueTask<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken);
}

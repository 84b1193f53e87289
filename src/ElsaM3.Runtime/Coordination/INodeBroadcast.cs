namespace ElsaM3.Runtime.Coordination;

/// <summary>
/// Tells the other nodes sharing the store that state they cache has changed, so they read it again. The node that
/// made the change refreshes its own caches itself; announcements from this node are not delivered back to it.
/// </summary>
public interface INodeBroadcast
{
    /// <summary>Announces, once the change is committed, that <paramref name="topic"/> changed.</summary>
    ValueTask AnnounceAsync(SharedStateTopic topic, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="changed"/> when another node announces <paramref name="topic"/>, and whenever announcements
    /// may have been missed (the listening connection was lost). It must be quick: drop a cache, do not reload it.
    /// </summary>
    void Subscribe(SharedStateTopic topic, Action changed);
}

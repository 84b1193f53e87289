namespace ElsaM3.Runtime.Coordination;

/// <summary>The embedded store's broadcast: there is no other node to tell.</summary>
public sealed class SingleNodeBroadcast : INodeBroadcast
{
    public ValueTask AnnounceAsync(SharedStateTopic topic, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public void Subscribe(SharedStateTopic topic, Action changed)
    {
    }
}

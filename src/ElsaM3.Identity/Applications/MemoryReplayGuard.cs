using Microsoft.Extensions.Caching.Memory;

namespace ElsaM3.Identity.Applications;

/// <summary>The signatures seen by this process (one node).</summary>
public sealed class MemoryReplayGuard(IMemoryCache seen, TimeProvider clock) : ISignatureReplayGuard
{
    // Seen-check and remember must be one step, or two requests with one signature could both pass.
    private readonly Lock _lock = new();

    public Task<bool> FirstUseAsync(string signature, DateTimeOffset keepUntil, CancellationToken cancellationToken)
    {
        var key = "signature:" + signature;
        lock (_lock)
        {
            if (seen.TryGetValue(key, out _)) return Task.FromResult(false);
            seen.Set(key, true, keepUntil - clock.GetUtcNow());
            return Task.FromResult(true);
        }
    }
}

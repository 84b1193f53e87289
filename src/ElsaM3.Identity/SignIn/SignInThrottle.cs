using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ElsaM3.Identity.SignIn;

/// <summary>
/// Lockout after repeated wrong passwords, per user name and per client address, counted by fixed-window rate
/// limiters (one permit per failure): while either window has no permit left, sign-in is refused even with the
/// right password. Idle partitions are dropped by the limiter, so unknown names cost no lasting memory.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failuresPerUser;
    private readonly PartitionedRateLimiter<string> _failuresPerClient;

    public SignInThrottle(IOptions<IdentityOptions> options)
    {
        var settings = options.Value.SignIn;
        _failuresPerUser = Limiter(settings.MaxFailuresPerUser, settings.LockoutPeriod);
        _failuresPerClient = Limiter(settings.MaxFailuresPerClient, settings.LockoutPeriod);
    }

    /// <summary>How long until this user name and address may try again; <c>null</c> when they may now.</summary>
    public TimeSpan? LockedFor(string user, string client)
    {
        using var byUser = _failuresPerUser.AttemptAcquire(UserKey(user), 0);
        using var byClient = _failuresPerClient.AttemptAcquire(client, 0);
        if (byUser.IsAcquired && byClient.IsAcquired) return null;
        var retryAfter = new[] { byUser, byClient }
            .Select(lease => lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.Zero).Max();
        return retryAfter > TimeSpan.Zero ? retryAfter : TimeSpan.FromSeconds(1);
    }

    public void RecordFailure(string user, string client)
    {
        _failuresPerUser.AttemptAcquire(UserKey(user)).Dispose();
        _failuresPerClient.AttemptAcquire(client).Dispose();
    }

    public void Dispose()
    {
        _failuresPerUser.Dispose();
        _failuresPerClient.Dispose();
    }

    private static string UserKey(string user) => user.Trim().ToLowerInvariant();

    private static PartitionedRateLimiter<string> Limiter(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true,
        }));
}

using System.Collections.Concurrent;

namespace ElsaM3.Identity.Sessions;

/// <summary>Sessions in this process only (tests and tools without a store); the server keeps them in its store.</summary>
public sealed class MemoryUserSessionStore : IUserSessionStore
{
    private readonly ConcurrentDictionary<string, UserSession> _sessions = new(StringComparer.Ordinal);

    public Task CreateAsync(UserSession session, CancellationToken cancellationToken)
    {
        _sessions[session.Id] = session;
        return Task.CompletedTask;
    }

    public Task<RotationResult> RotateAsync(string sessionId, string presentedTokenId, string nextTokenId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!_sessions.TryGetValue(sessionId, out var session)) return Task.FromResult(RotationResult.Ended);
        lock (session)
        {
            if (session.RevokedAt is not null || session.ExpiresAt <= now) return Task.FromResult(RotationResult.Ended);
            if (session.CurrentTokenId != presentedTokenId)
            {
                (session.RevokedAt, session.RevokedReason) = (now, SessionEndReasons.Reused);
                return Task.FromResult(RotationResult.Reused);
            }
            session.CurrentTokenId = nextTokenId;
            return Task.FromResult(RotationResult.Rotated);
        }
    }

    public Task<bool> RevokeAsync(string sessionId, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!_sessions.TryGetValue(sessionId, out var session)) return Task.FromResult(false);
        lock (session)
        {
            if (session.RevokedAt is not null) return Task.FromResult(false);
            (session.RevokedAt, session.RevokedReason) = (now, reason);
            return Task.FromResult(true);
        }
    }

    public Task<bool> IsActiveAsync(string sessionId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(_sessions.TryGetValue(sessionId, out var session) && session.RevokedAt is null && session.ExpiresAt > now);
}

using ElsaM3.Identity.Tokens;
using ElsaM3.Identity.Users;
using Microsoft.Extensions.Caching.Memory;

namespace ElsaM3.Identity.Sessions;

/// <summary>
/// Sessions that end: each sign-in starts a session whose refresh tokens rotate (a reused one ends the session), sign-out
/// ends it on the server, and every request checks that its session is still open and that the user's stamp has not
/// changed (password, roles, removal).
/// </summary>
public sealed class SessionService(IUserSessionStore store, TokenService tokens, UserDirectory users, IMemoryCache cache, TimeProvider clock)
{
    /// <summary>How long a node trusts that an open session is still open before asking the store again.</summary>
    public static readonly TimeSpan ActiveCacheFor = TimeSpan.FromSeconds(5);

    public sealed record Tokens(string UserName, string AccessToken, string RefreshToken);

    public TimeSpan RefreshTokenLifetime => tokens.RefreshTokenLifetime;

    /// <summary>Starts a session for a user whose password was just checked.</summary>
    public async Task<Tokens> SignInAsync(string userName, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        var name = users.CanonicalName(userName) ?? userName;
        var now = clock.GetUtcNow();
        var session = new UserSession
        {
            Id = NewId(), UserName = name, CurrentTokenId = NewId(), CreatedAt = now, ExpiresAt = now + tokens.RefreshTokenLifetime,
        };
        await store.CreateAsync(session, cancellationToken);
        var (access, refresh) = tokens.Issue(name, roles, session.Id, users.StampOf(name) ?? "", session.CurrentTokenId);
        return new Tokens(name, access, refresh);
    }

    /// <summary>New tokens for a refresh token that is its session's current one; <c>null</c> (and the session ended when it was reused) otherwise.</summary>
    public async Task<(Tokens? Tokens, RotationResult Result)> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        if (await tokens.ReadRefreshTokenAsync(refreshToken) is not { } claims) return (null, RotationResult.Ended);
        var stamp = users.StampOf(claims.UserName);
        if (stamp is null || stamp != claims.Stamp || users.RolesOf(claims.UserName) is not { } roles)
        {
            await EndAsync(claims.SessionId, SessionEndReasons.UserChanged, cancellationToken);
            return (null, RotationResult.Ended);
        }
        var next = NewId();
        var result = await store.RotateAsync(claims.SessionId, claims.TokenId, next, clock.GetUtcNow(), cancellationToken);
        if (result != RotationResult.Rotated)
        {
            cache.Remove(CacheKey(claims.SessionId));
            return (null, result);
        }
        var (access, refresh) = tokens.Issue(claims.UserName, roles, claims.SessionId, stamp, next);
        return (new Tokens(claims.UserName, access, refresh), result);
    }

    /// <summary>Ends the session of a refresh token (sign-out); the user's name when there was one to end.</summary>
    public async Task<string?> SignOutAsync(string refreshToken, CancellationToken cancellationToken)
    {
        if (await tokens.ReadRefreshTokenAsync(refreshToken) is not { } claims) return null;
        return await EndAsync(claims.SessionId, SessionEndReasons.SignedOut, cancellationToken) ? claims.UserName : null;
    }

    /// <summary>Ends a session by id (sign-out with an access token).</summary>
    public async Task<bool> EndAsync(string sessionId, string reason, CancellationToken cancellationToken)
    {
        cache.Set(CacheKey(sessionId), false, ActiveCacheFor);
        return await store.RevokeAsync(sessionId, reason, clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>Whether an access token's session is still open and its stamp still the user's: checked on every request.</summary>
    public async ValueTask<bool> IsCurrentAsync(string userName, string? sessionId, string? stamp, CancellationToken cancellationToken)
    {
        if (sessionId is null || stamp is null || users.StampOf(userName) != stamp) return false;
        if (cache.TryGetValue(CacheKey(sessionId), out bool active)) return active;
        active = await store.IsActiveAsync(sessionId, clock.GetUtcNow(), cancellationToken);
        cache.Set(CacheKey(sessionId), active, ActiveCacheFor);
        return active;
    }

    private static string CacheKey(string sessionId) => "session:" + sessionId;

    private static string NewId() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
}

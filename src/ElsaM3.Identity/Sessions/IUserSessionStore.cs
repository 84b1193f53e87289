namespace ElsaM3.Identity.Sessions;

/// <summary>
/// Signed-in sessions, each a family of refresh tokens of which only the newest is good. Kept in the store (shared by
/// every node on PostgreSQL), so a session outlives a restart and ends everywhere at once.
/// </summary>
public interface IUserSessionStore
{
    Task CreateAsync(UserSession session, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the session's current refresh token <paramref name="presentedTokenId"/> by <paramref name="nextTokenId"/>,
    /// atomically across nodes. A presented token that is not the current one was used before: the whole session ends.
    /// </summary>
    Task<RotationResult> RotateAsync(string sessionId, string presentedTokenId, string nextTokenId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Ends the session; false when there was no such session or it had ended.</summary>
    Task<bool> RevokeAsync(string sessionId, string reason, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Whether the session exists, has not ended and has not expired.</summary>
    Task<bool> IsActiveAsync(string sessionId, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>A session: who, the refresh token now current, until when, and when and why it ended.</summary>
public sealed class UserSession
{
    public string Id { get; set; } = "";
    public string UserName { get; set; } = "";
    public string CurrentTokenId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedReason { get; set; }
}

public enum RotationResult
{
    /// <summary>The presented token was the current one; the next one is current now.</summary>
    Rotated,

    /// <summary>The presented token had been used already: the session has ended (a stolen token's family dies with it).</summary>
    Reused,

    /// <summary>No such session, or it had ended or expired.</summary>
    Ended,
}

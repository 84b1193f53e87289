namespace ElsaM3.Identity.Sessions;

/// <summary>Why a session ended, as stored.</summary>
public static class SessionEndReasons
{
    public const string SignedOut = "signed-out";
    public const string Reused = "refresh-token-reused";

    /// <summary>The user's password or roles changed, or the user was removed.</summary>
    public const string UserChanged = "user-changed";
}

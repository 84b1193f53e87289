namespace ElsaM3.Identity.SignIn;

/// <summary>Sign-in throttling, bound to <c>ElsaM3:Identity:SignIn</c>.</summary>
public sealed class SignInOptions
{
    /// <summary>Sign-in requests one client address may make per minute, right or wrong. Default 30.</summary>
    public int PermitPerClientPerMinute { get; set; } = 30;

    /// <summary>Wrong passwords for one user name before it is locked for <see cref="LockoutPeriod"/>. Default 5.</summary>
    public int MaxFailuresPerUser { get; set; } = 5;

    /// <summary>Wrong passwords from one client address (any user names) before it is locked. Default 20.</summary>
    public int MaxFailuresPerClient { get; set; } = 20;

    /// <summary>How long failures are counted and a lockout lasts. Default 15 minutes.</summary>
    public TimeSpan LockoutPeriod { get; set; } = TimeSpan.FromMinutes(15);
}

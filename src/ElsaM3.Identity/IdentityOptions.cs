namespace ElsaM3.Identity;

/// <summary>Users and tokens, bound to <c>Identity</c>.</summary>
public sealed class IdentityOptions
{
    /// <summary>Password of the built-in <c>admin</c>; when unset one is generated on first start, printed once and kept (hashed) in the data folder.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>Key that signs tokens (at least 32 characters); when unset one is generated and kept in the data folder.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Folder for the generated admin password hash and signing key (the server sets it to the store's folder).</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>How long an access token is valid. Default 1 hour.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a refresh token is valid. Default 7 days.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>More users: name, password hash (ASP.NET Core Identity format, see <c>hash-password</c>) and roles.</summary>
    public List<ConfiguredUser> Users { get; set; } = [];
}

public sealed class ConfiguredUser
{
    public string Name { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public List<string> Roles { get; set; } = [];
}

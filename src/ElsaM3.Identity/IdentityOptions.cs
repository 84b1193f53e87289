namespace ElsaM3.Identity;

/// <summary>Users, applications and tokens, bound to <c>ElsaM3:Identity</c>.</summary>
public sealed class IdentityOptions
{
    /// <summary>The configuration section this binds to.</summary>
    public const string Section = "ElsaM3:Identity";

    /// <summary>Password of the built-in <c>admin</c>; when unset one is generated on first start, printed once and kept (hashed) in the data folder.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>API key of the built-in <c>cxm</c> application; when unset one is generated on first start, printed once and kept (hashed) in the data folder.</summary>
    public string? CxmApiKey { get; set; }

    /// <summary>Key that signs tokens (at least 32 characters); when unset one is generated and kept in the data folder.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Folder for the generated admin password hash, the CXM key hash and the signing key (the server sets it to the store's folder).</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>How long an access token is valid. Default 1 hour.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a refresh token is valid. Default 7 days.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>More users: name, password hash (ASP.NET Core Identity format, see <c>hash-password</c>) and roles.</summary>
    public List<ConfiguredUser> Users { get; set; } = [];

    /// <summary>Systems that call workflow endpoints: name, key hash (see <c>hash-key</c>), optional signing secret, roles.</summary>
    public List<ConfiguredApplication> Applications { get; set; } = [];

    /// <summary>How far a signed request's <c>X-Timestamp</c> may be from now. Default 5 minutes.</summary>
    public TimeSpan SignatureWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest body a signature is checked over. Default 1 MiB, the HTTP trigger's default limit.</summary>
    public long MaxSignedBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Throttling and lockout of <c>/identity/login</c>.</summary>
    public SignIn.SignInOptions SignIn { get; set; } = new();
}

public sealed class ConfiguredUser
{
    public string Name { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public List<string> Roles { get; set; } = [];
}

/// <summary>A system (Elsa calls it an application) that authenticates with an API key or a signed body.</summary>
public sealed class ConfiguredApplication
{
    public string Name { get; set; } = "";

    /// <summary>The key's hash as <c>hash-key</c> prints it (<c>sha256:…</c>); the key itself is never configured.</summary>
    public string? KeyHash { get; set; }

    /// <summary>Shared secret for HMAC-signed bodies (<c>X-Signature</c>, <c>X-Timestamp</c>); optional.</summary>
    public string? SigningSecret { get; set; }

    public List<string> Roles { get; set; } = [];
}

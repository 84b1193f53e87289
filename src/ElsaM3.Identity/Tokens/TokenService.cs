using System.Security.Claims;
using System.Text;
using ElsaM3.Identity.Secrets;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ElsaM3.Identity.Tokens;

/// <summary>Issues and checks JWT access and refresh tokens (standard validation: signature, issuer, audience, <c>exp</c> required, <c>nbf</c> honoured).</summary>
public sealed class TokenService
{
    public const string Issuer = "ElsaM3";
    public const string TokenTypeClaim = "token_type";

    /// <summary>The session (a family of refresh tokens) a token belongs to.</summary>
    public const string SessionClaim = "sid";

    /// <summary>The user's stamp when the token was issued: a password, role change or removal changes it (see <see cref="Users.UserDirectory.StampOf"/>).</summary>
    public const string StampClaim = "stamp";

    private const string TokenIdClaim = "jti";
    private readonly IdentityOptions _options;
    private readonly TimeProvider _time;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public TokenService(IOptions<IdentityOptions> options, IdentitySecrets secrets, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        Key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secrets.SigningKey));
    }

    public SymmetricSecurityKey Key { get; }

    public TimeSpan RefreshTokenLifetime => _options.RefreshTokenLifetime;

    /// <summary>An access token and a refresh token (whose id is <paramref name="refreshTokenId"/>) of session <paramref name="sessionId"/>.</summary>
    public (string AccessToken, string RefreshToken) Issue(string name, IEnumerable<string> roles, string sessionId, string stamp, string refreshTokenId) =>
        (Create(name, roles, "access", _options.AccessTokenLifetime, sessionId, stamp, null),
         Create(name, [], "refresh", _options.RefreshTokenLifetime, sessionId, stamp, refreshTokenId));

    /// <summary>A valid refresh token's user, session and token id; <c>null</c> for anything else.</summary>
    public async Task<RefreshTokenClaims?> ReadRefreshTokenAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, Validation());
        if (!result.IsValid || result.ClaimsIdentity.FindFirst(TokenTypeClaim)?.Value != "refresh") return null;
        var identity = result.ClaimsIdentity;
        return identity.Name is { } name && identity.FindFirst(SessionClaim)?.Value is { } session && identity.FindFirst(TokenIdClaim)?.Value is { } id
            ? new RefreshTokenClaims(name, session, id, identity.FindFirst(StampClaim)?.Value ?? "")
            : null;
    }

    public TokenValidationParameters Validation() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Issuer,
        IssuerSigningKey = Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        NameClaimType = ClaimTypes.Name,
        RoleClaimType = ClaimTypes.Role,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ValidateLifetime = true,
        ClockSkew = Skew,
        // The standard rule (exp required, nbf honoured, both with the skew), read against the injected clock.
        LifetimeValidator = (notBefore, expires, _, _) =>
        {
            var now = _time.GetUtcNow().UtcDateTime;
            return expires is { } exp && exp.ToUniversalTime() > now - Skew && (notBefore is not { } nbf || nbf.ToUniversalTime() <= now + Skew);
        },
    };

    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(5);

    private string Create(string name, IEnumerable<string> roles, string type, TimeSpan lifetime, string sessionId, string stamp, string? tokenId)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object> { [ClaimTypes.Name] = name, [TokenTypeClaim] = type, [SessionClaim] = sessionId, [StampClaim] = stamp };
        if (tokenId is not null) claims[TokenIdClaim] = tokenId;
        var roleList = roles.ToArray();
        if (roleList.Length > 0) claims[ClaimTypes.Role] = roleList;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now.AddSeconds(-1),
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
    }
}

/// <summary>What a refresh token says: whose, which session, which token of it, and the user's stamp then.</summary>
public sealed record RefreshTokenClaims(string UserName, string SessionId, string TokenId, string Stamp);

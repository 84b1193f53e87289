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

    public (string AccessToken, string RefreshToken) Issue(string name, IEnumerable<string> roles) =>
        (Create(name, roles, "access", _options.AccessTokenLifetime), Create(name, [], "refresh", _options.RefreshTokenLifetime));

    /// <summary>The user name in a valid refresh token; <c>null</c> for anything else.</summary>
    public async Task<string?> ReadRefreshTokenAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, Validation());
        return result.IsValid && result.ClaimsIdentity.FindFirst(TokenTypeClaim)?.Value == "refresh" ? result.ClaimsIdentity.Name : null;
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

    private string Create(string name, IEnumerable<string> roles, string type, TimeSpan lifetime)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object> { [ClaimTypes.Name] = name, [TokenTypeClaim] = type };
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

using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ElsaM3.Identity;

/// <summary>Issues and checks JWT access and refresh tokens.</summary>
public sealed class TokenService
{
    public const string Issuer = "ElsaM3";
    public const string TokenTypeClaim = "token_type";
    private readonly IdentityOptions _options;
    private readonly TimeProvider _time;

    public TokenService(IOptions<IdentityOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        Key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(LoadOrCreateKey(_options)));
    }

    public SymmetricSecurityKey Key { get; }

    public (string AccessToken, string RefreshToken) Issue(string name, IEnumerable<string> roles)
    {
        var roleClaims = roles.Select(r => new Claim(ClaimTypes.Role, r)).ToList();
        return (Create(name, roleClaims, "access", _options.AccessTokenLifetime), Create(name, [], "refresh", _options.RefreshTokenLifetime));
    }

    /// <summary>The user name in a valid refresh token; <c>null</c> for anything else.</summary>
    public string? ReadRefreshToken(string token)
    {
        try
        {
            var principal = new JwtSecurityTokenHandler().ValidateToken(token, Validation(), out _);
            return principal.FindFirst(TokenTypeClaim)?.Value == "refresh" ? principal.Identity?.Name : null;
        }
        catch (Exception e) when (e is SecurityTokenException or ArgumentException)
        {
            return null;
        }
    }

    public TokenValidationParameters Validation() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Issuer,
        IssuerSigningKey = Key,
        NameClaimType = ClaimTypes.Name,
        RoleClaimType = ClaimTypes.Role,
        ClockSkew = TimeSpan.FromSeconds(5),
        LifetimeValidator = (notBefore, expires, _, _) => expires is null || expires > _time.GetUtcNow().UtcDateTime,
    };

    private string Create(string name, IEnumerable<Claim> claims, string type, TimeSpan lifetime)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var token = new JwtSecurityToken(Issuer, Issuer,
            claims.Append(new Claim(ClaimTypes.Name, name)).Append(new Claim(TokenTypeClaim, type)),
            notBefore: now.AddSeconds(-1), expires: now + lifetime, signingCredentials: new SigningCredentials(Key, SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    private static string LoadOrCreateKey(IdentityOptions options)
    {
        if (options.SigningKey is { Length: >= 32 } configured) return configured;
        var file = Path.Combine(options.DataDirectory, "signing.key");
        if (File.Exists(file)) return File.ReadAllText(file).Trim();
        Directory.CreateDirectory(options.DataDirectory);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        File.WriteAllText(file, key);
        return key;
    }
}

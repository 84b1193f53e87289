using System.Security.Claims;

namespace ElsaM3.Identity.Applications;

/// <summary>The identity an authenticated application gets: its name, the <c>application</c> role and its configured roles.</summary>
internal static class ApplicationPrincipal
{
    public const string MethodClaim = "auth_method";

    public static ClaimsPrincipal For(ConfiguredApplication app, string scheme, string method)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, app.Name), new(ClaimTypes.Role, Roles.Application), new(MethodClaim, method) };
        claims.AddRange(app.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}

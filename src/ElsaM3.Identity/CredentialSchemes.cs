using ElsaM3.Identity.Applications;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;

namespace ElsaM3.Identity;

/// <summary>The default scheme looks at the request and forwards to the one that reads its credential.</summary>
public static class CredentialSchemes
{
    public const string Default = "ElsaM3";

    public static string Select(HttpContext context)
    {
        var headers = context.Request.Headers;
        if (headers.ContainsKey(SignatureAuthenticationHandler.SignatureHeader)) return SignatureAuthenticationHandler.SchemeName;
        if (ApiKeyAuthenticationHandler.ReadAuthorizationKey(headers.Authorization.ToString()) is not null || headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName))
            return ApiKeyAuthenticationHandler.SchemeName;
        return JwtBearerDefaults.AuthenticationScheme;
    }
}

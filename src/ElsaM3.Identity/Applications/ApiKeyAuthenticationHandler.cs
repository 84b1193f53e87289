using System.Text.Encodings.Web;
using ElsaM3.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ElsaM3.Identity.Applications;

/// <summary>
/// Authenticates an application by its key, sent as <c>Authorization: ApiKey &lt;key&gt;</c> (Elsa's scheme) or
/// <c>X-Api-Key</c>. A wrong <c>ApiKey</c> authorization fails; an <c>X-Api-Key</c> that is no application's is
/// ignored (other systems on this host, such as the simulators, use that header for their own keys).
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApplicationDirectory applications,
    AuditRecorder audit) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var fromAuthorization = ReadAuthorizationKey(Request.Headers.Authorization.ToString());
        var key = fromAuthorization ?? Request.Headers[HeaderName].ToString();
        if (string.IsNullOrEmpty(key)) return AuthenticateResult.NoResult();
        var app = applications.FindByKey(key);
        if (app is null) return fromAuthorization is null ? AuthenticateResult.NoResult() : AuthenticateResult.Fail("The API key is not valid.");
        var principal = ApplicationPrincipal.For(app, SchemeName, "api-key");
        await audit.RecordDailyAsync(Context, principal, AuditAction.ApplicationKeyUsed);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>The key in <c>ApiKey &lt;key&gt;</c>, or null for any other authorization.</summary>
    public static string? ReadAuthorizationKey(string authorization) =>
        authorization.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase) ? authorization[(SchemeName.Length + 1)..].Trim() : null;
}

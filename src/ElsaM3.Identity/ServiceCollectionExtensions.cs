using System.Threading.RateLimiting;
using ElsaM3.Identity.Applications;
using ElsaM3.Identity.SignIn;
using ElsaM3.Identity.Tokens;
using ElsaM3.Identity.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ElsaM3.Identity;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds sign-in for people (JWT bearer), applications (API key or signed body), the <c>analyst</c> and
    /// <c>admin</c> policies (any other policy name means that role) and the sign-in throttle.
    /// </summary>
    public static IServiceCollection AddElsaM3Identity(this IServiceCollection services)
    {
        services.AddOptions<IdentityOptions>().BindConfiguration(IdentityOptions.Section)
            .Validate(o => o.SignIn.PermitPerClientPerMinute > 0 && o.SignIn.MaxFailuresPerUser > 0 && o.SignIn.MaxFailuresPerClient > 0,
                "ElsaM3:Identity:SignIn limits must be at least 1.")
            .Validate(o => o.SignIn.LockoutPeriod > TimeSpan.Zero, "ElsaM3:Identity:SignIn:LockoutPeriod must be longer than zero.")
            .Validate(o => o.SignatureWindow > TimeSpan.Zero, "ElsaM3:Identity:SignatureWindow must be longer than zero.")
            .ValidateOnStart();
        services.AddMemoryCache();
        services.TryAddSingleton<Secrets.IGeneratedSecretStore, Secrets.FileSecretStore>();
        services.AddSingleton<Secrets.IdentitySecrets>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<ApplicationDirectory>();
        services.AddSingleton<TokenService>();
        services.TryAddSingleton<Sessions.IUserSessionStore, Sessions.MemoryUserSessionStore>();
        services.AddSingleton<Sessions.SessionService>();
        services.AddSingleton<SignInThrottle>();
        services.TryAddSingleton<ISignatureReplayGuard, MemoryReplayGuard>();
        services.AddHostedService<IdentityInitializer>();

        services.AddAuthentication(CredentialSchemes.Default)
            .AddPolicyScheme(CredentialSchemes.Default, "Bearer token, API key or signature", o => o.ForwardDefaultSelector = CredentialSchemes.Select)
            .AddJwtBearer()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, SignatureAuthenticationHandler>(SignatureAuthenticationHandler.SchemeName, null);
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TokenService>((options, tokens) =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = tokens.Validation();
                options.Events = new JwtBearerEvents
                {
                    // A refresh token is only good for getting a new access token; an access token only while its session is
                    // open and its user unchanged (password, roles, still configured).
                    OnTokenValidated = async context =>
                    {
                        var principal = context.Principal;
                        if (principal?.FindFirst(TokenService.TokenTypeClaim)?.Value != "access")
                        {
                            context.Fail("Not an access token.");
                            return;
                        }
                        var sessions = context.HttpContext.RequestServices.GetRequiredService<Sessions.SessionService>();
                        if (!await sessions.IsCurrentAsync(principal.Identity?.Name ?? "", principal.FindFirst(TokenService.SessionClaim)?.Value,
                                principal.FindFirst(TokenService.StampClaim)?.Value, context.HttpContext.RequestAborted))
                            context.Fail("The session has ended.");
                    },
                };
            });
        services.AddSingleton<IAuthorizationPolicyProvider, RolePolicyProvider>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.AnalystPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Analyst, Roles.Admin))
            .AddPolicy(Roles.AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin))
            .AddPolicy(Roles.MetricsPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Metrics, Roles.Admin));

        services.AddRateLimiter(_ => { });
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>().Configure<IOptions<IdentityOptions>>((limiter, identity) =>
        {
            var permits = identity.Value.SignIn.PermitPerClientPerMinute;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(IdentityApi.SignInRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.OnRejected = async (context, ct) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many sign-in attempts",
                    detail: "This address has made too many sign-in requests; try again in a minute.").ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }
}

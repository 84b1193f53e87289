using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ElsaM3.Identity;

public static class ServiceCollectionExtensions
{
    /// <summary>Adds JWT bearer sign-in and the <c>analyst</c> and <c>admin</c> policies.</summary>
    public static IServiceCollection AddElsaM3Identity(this IServiceCollection services)
    {
        services.AddOptions<IdentityOptions>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<TokenService>();
        services.AddHostedService<IdentityInitializer>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TokenService>((options, tokens) =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = tokens.Validation();
                options.Events = new JwtBearerEvents
                {
                    // A refresh token is only good for getting a new access token.
                    OnTokenValidated = context =>
                    {
                        if (context.Principal?.FindFirst(TokenService.TokenTypeClaim)?.Value != "access") context.Fail("Not an access token.");
                        return Task.CompletedTask;
                    },
                };
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.AnalystPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Analyst, Roles.Admin))
            .AddPolicy(Roles.AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        return services;
    }
}

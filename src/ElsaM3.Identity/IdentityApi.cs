using ElsaM3.Audit;
using ElsaM3.Identity.SignIn;
using ElsaM3.Identity.Tokens;
using ElsaM3.Identity.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ElsaM3.Identity;

/// <summary>Elsa's identity endpoints: <c>POST /identity/login</c> and <c>POST /identity/refresh-token</c>. Anyone may call them; sign-in is throttled.</summary>
public static class IdentityApi
{
    public const string SignInRateLimit = "sign-in";

    public static void MapIdentity(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/identity").AllowAnonymous().WithTags("Identity").RequireRateLimiting(SignInRateLimit);
        group.MapPost("/login", Login);
        group.MapPost("/refresh-token", Refresh);
    }

    public sealed record LoginRequest(string? Username, string? Password);

    public sealed record LoginResponse(bool IsAuthenticated, string? AccessToken, string? RefreshToken);

    public sealed record RefreshRequest(string? RefreshToken);

    private static async Task<Results<Ok<LoginResponse>, UnauthorizedHttpResult, ValidationProblem, ProblemHttpResult>> Login(
        LoginRequest request, HttpContext http, UserDirectory users, TokenService tokens, SignInThrottle throttle, AuditRecorder audit)
    {
        if (string.IsNullOrWhiteSpace(request.Username))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["username"] = ["is required."] });
        if (string.IsNullOrEmpty(request.Password))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["password"] = ["is required."] });
        if (request.Username.Length > 256)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["username"] = ["is longer than 256 characters."] });

        var client = ClientAddress.Of(http);
        if (throttle.LockedFor(request.Username, client) is { } wait)
        {
            await audit.RecordAsync(http, AuditAction.SignInLockedOut, actor: request.Username);
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed sign-ins",
                detail: "Sign-in is locked for a while after repeated wrong passwords; try again later.");
        }
        var roles = users.Verify(request.Username, request.Password);
        if (roles is null)
        {
            throttle.RecordFailure(request.Username, client);
            await audit.RecordAsync(http, AuditAction.SignInFailed, actor: request.Username);
            return TypedResults.Unauthorized();
        }
        var (access, refresh) = tokens.Issue(request.Username, roles);
        await audit.RecordAsync(http, AuditAction.SignIn, actor: request.Username);
        return TypedResults.Ok(new LoginResponse(true, access, refresh));
    }

    private static async Task<Results<Ok<LoginResponse>, UnauthorizedHttpResult>> Refresh(RefreshRequest? request, HttpContext http, UserDirectory users, TokenService tokens)
    {
        var token = request?.RefreshToken ?? http.Request.Headers.Authorization.ToString().Replace("Bearer ", "", StringComparison.OrdinalIgnoreCase);
        var name = string.IsNullOrWhiteSpace(token) ? null : await tokens.ReadRefreshTokenAsync(token);
        var roles = name is null ? null : users.RolesOf(name);
        if (name is null || roles is null) return TypedResults.Unauthorized();
        var (access, refresh) = tokens.Issue(name, roles);
        return TypedResults.Ok(new LoginResponse(true, access, refresh));
    }
}

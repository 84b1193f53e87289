using ElsaM3.Audit;
using ElsaM3.Identity.Sessions;
using ElsaM3.Identity.SignIn;
using ElsaM3.Identity.Tokens;
using ElsaM3.Identity.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ElsaM3.Identity;

/// <summary>
/// Elsa's identity endpoints, <c>POST /identity/login</c> and <c>/identity/refresh-token</c>, plus <c>/identity/logout</c>.
/// Anyone may call them; they are throttled. With <c>?useCookie=true</c> (Studio's sign-in) the refresh token travels only
/// in an HttpOnly, SameSite=Strict cookie scoped to these routes, out of reach of any script on the page.
/// </summary>
public static class IdentityApi
{
    public const string SignInRateLimit = "sign-in";

    /// <summary>The cookie holding Studio's refresh token.</summary>
    public const string RefreshCookie = "elsam3_refresh";

    public static void MapIdentity(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/identity").AllowAnonymous().WithTags("Identity").RequireRateLimiting(SignInRateLimit);
        group.MapPost("/login", Login);
        group.MapPost("/refresh-token", Refresh);
        group.MapPost("/logout", Logout);
    }

    public sealed record LoginRequest(string? Username, string? Password);

    public sealed record LoginResponse(bool IsAuthenticated, string? AccessToken, string? RefreshToken);

    public sealed record RefreshRequest(string? RefreshToken);

    private static async Task<Results<Ok<LoginResponse>, UnauthorizedHttpResult, ValidationProblem, ProblemHttpResult>> Login(
        LoginRequest request, bool? useCookie, HttpContext http, UserDirectory users, SessionService sessions, SignInThrottle throttle, AuditRecorder audit)
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
        var issued = await sessions.SignInAsync(request.Username, roles, http.RequestAborted);
        await audit.RecordAsync(http, AuditAction.SignIn, actor: issued.UserName, actorKind: ActorKind.User);
        return TypedResults.Ok(Answer(http, issued, useCookie == true, sessions));
    }

    private static async Task<Results<Ok<LoginResponse>, UnauthorizedHttpResult>> Refresh(RefreshRequest? request, HttpContext http, SessionService sessions,
        AuditRecorder audit)
    {
        var fromCookie = string.IsNullOrWhiteSpace(request?.RefreshToken) && http.Request.Cookies.ContainsKey(RefreshCookie);
        var token = !string.IsNullOrWhiteSpace(request?.RefreshToken) ? request.RefreshToken
            : fromCookie ? http.Request.Cookies[RefreshCookie]
            : http.Request.Headers.Authorization.ToString().Replace("Bearer ", "", StringComparison.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(token)) return TypedResults.Unauthorized();
        var (issued, result) = await sessions.RefreshAsync(token, http.RequestAborted);
        if (issued is null)
        {
            if (fromCookie) ClearCookie(http);
            if (result == RotationResult.Reused)
                await audit.RecordAsync(http, AuditAction.SessionRevoked, detail: "A refresh token was used twice; the session it belonged to has ended.");
            return TypedResults.Unauthorized();
        }
        return TypedResults.Ok(Answer(http, issued, fromCookie, sessions));
    }

    /// <summary>Ends the session of the refresh token given (body or cookie), or of the bearer token's session; 204 either way.</summary>
    private static async Task<NoContent> Logout(RefreshRequest? request, HttpContext http, SessionService sessions, AuditRecorder audit)
    {
        var token = !string.IsNullOrWhiteSpace(request?.RefreshToken) ? request.RefreshToken : http.Request.Cookies[RefreshCookie];
        var ended = string.IsNullOrWhiteSpace(token) ? null : await sessions.SignOutAsync(token, http.RequestAborted);
        if (ended is null && http.User.FindFirst(TokenService.SessionClaim)?.Value is { } sessionId && http.User.Identity?.Name is { } name
            && await sessions.EndAsync(sessionId, SessionEndReasons.SignedOut, http.RequestAborted))
            ended = name;
        ClearCookie(http);
        if (ended is not null) await audit.RecordAsync(http, AuditAction.SignOut, actor: ended, actorKind: ActorKind.User);
        return TypedResults.NoContent();
    }

    private static LoginResponse Answer(HttpContext http, SessionService.Tokens issued, bool cookie, SessionService sessions)
    {
        if (!cookie) return new LoginResponse(true, issued.AccessToken, issued.RefreshToken);
        http.Response.Cookies.Append(RefreshCookie, issued.RefreshToken, CookieOptions(http, sessions.RefreshTokenLifetime));
        return new LoginResponse(true, issued.AccessToken, null);
    }

    private static void ClearCookie(HttpContext http) => http.Response.Cookies.Delete(RefreshCookie, CookieOptions(http, TimeSpan.Zero));

    private static CookieOptions CookieOptions(HttpContext http, TimeSpan lifetime) => new()
    {
        HttpOnly = true,
        Secure = http.Request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = http.Request.PathBase + "/elsa/api/identity",
        MaxAge = lifetime,
        IsEssential = true,
    };
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ElsaM3.Identity;

/// <summary>Elsa's identity endpoints: <c>POST /identity/login</c> and <c>POST /identity/refresh-token</c>.</summary>
public static class IdentityApi
{
    public static void MapIdentity(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/identity").AllowAnonymous().WithTags("Identity");
        group.MapPost("/login", Login);
        group.MapPost("/refresh-token", Refresh);
    }

    public sealed record LoginRequest(string? Username, string? Password);

    public sealed record LoginResponse(bool IsAuthenticated, string? AccessToken, string? RefreshToken);

    public sealed record RefreshRequest(string? RefreshToken);

    private static Results<Ok<LoginResponse>, UnauthorizedHttpResult, ValidationProblem> Login(LoginRequest request, UserDirectory users, TokenService tokens)
    {
        if (string.IsNullOrWhiteSpace(request.Username))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["username"] = ["is required."] });
        if (string.IsNullOrEmpty(request.Password))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["password"] = ["is required."] });
        var roles = users.Verify(request.Username, request.Password);
        if (roles is null) return TypedResults.Unauthorized();
        var (access, refresh) = tokens.Issue(request.Username, roles);
        return TypedResults.Ok(new LoginResponse(true, access, refresh));
    }

    private static Results<Ok<LoginResponse>, UnauthorizedHttpResult> Refresh(RefreshRequest? request, HttpContext http, UserDirectory users, TokenService tokens)
    {
        var token = request?.RefreshToken ?? http.Request.Headers.Authorization.ToString().Replace("Bearer ", "", StringComparison.OrdinalIgnoreCase);
        var name = string.IsNullOrWhiteSpace(token) ? null : tokens.ReadRefreshToken(token);
        var roles = name is null ? null : users.RolesOf(name);
        if (name is null || roles is null) return TypedResults.Unauthorized();
        var (access, refresh) = tokens.Issue(name, roles);
        return TypedResults.Ok(new LoginResponse(true, access, refresh));
    }
}

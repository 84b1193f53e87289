using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ElsaM3.Audit;

/// <summary><c>GET /audit</c>: the audit trail, newest first, filtered by actor, action, target and time.</summary>
public static class AuditApi
{
    /// <summary>Maps the route on <paramref name="group"/>; the caller decides who may call it (admins).</summary>
    public static RouteHandlerBuilder MapAuditApi(this IEndpointRouteBuilder group) => group.MapGet("/audit", List).WithTags("Audit");

    private static async Task<Results<Ok<AuditListResponse>, ValidationProblem>> List(string? actor, string? action, string? target,
        DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, IAuditTrail trail, CancellationToken ct)
    {
        AuditAction? parsed = null;
        if (action is not null)
        {
            if (!Enum.TryParse<AuditAction>(action, ignoreCase: true, out var a) || !Enum.IsDefined(a))
                return Invalid("action", $"must be one of {string.Join(", ", Enum.GetNames<AuditAction>())}.");
            parsed = a;
        }
        if (page is < 0) return Invalid("page", "must be 0 or more (pages are 0-based).");
        if (pageSize is < 1 or > 500) return Invalid("pageSize", "must be between 1 and 500.");
        var query = new AuditQuery { Actor = actor, Action = parsed, Target = target, From = from, To = to, Page = page ?? 0, PageSize = pageSize ?? 50 };
        var result = await trail.QueryAsync(query, ct);
        return TypedResults.Ok(new AuditListResponse(result.Items, result.TotalCount, query.Page, query.PageSize));
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public sealed record AuditListResponse(IReadOnlyList<AuditEntry> Items, long TotalCount, int Page, int PageSize);
}

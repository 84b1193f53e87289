using ElsaM3.Audit;
using ElsaM3.Runtime.Instances;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ElsaM3.Api.Alterations;

/// <summary>
/// Elsa's retry alteration. Unlike Elsa (issues #4719, #7406), it really resumes a faulted instance from its
/// failed activity, keeping the journal and everything that completed.
/// </summary>
public static class AlterationsApi
{
    public static void MapAlterations(this IEndpointRouteBuilder api) =>
        api.MapPost("/alterations/workflows/retry", Retry).WithTags("Alterations").WithMetadata(AdminOnly.Instance);

    public sealed record RetryRequest(string?[]? WorkflowInstanceIds, string?[]? ActivityIds);

    public sealed record RetryResult(string WorkflowInstanceId, bool Succeeded, string? Message, string? SubStatus);

    public sealed record RetryResponse(IReadOnlyList<RetryResult> Results);

    private static async Task<Results<Ok<RetryResponse>, ValidationProblem>> Retry(RetryRequest request, HttpContext http, AuditRecorder audit,
        WorkflowInstanceService instances, CancellationToken ct)
    {
        if (request.WorkflowInstanceIds is not { Length: > 0 } given) return ApiErrors.Invalid("workflowInstanceIds", "must name at least one instance.");
        if ((ApiErrors.BlankItem("workflowInstanceIds", given) ?? ApiErrors.BlankItem("activityIds", request.ActivityIds)) is { } blank) return blank;
        var ids = given.OfType<string>().ToArray();
        var activityIds = request.ActivityIds?.OfType<string>().ToArray();
        var results = new List<RetryResult>();
        foreach (var id in ids.Distinct())
        {
            try
            {
                var result = await instances.RetryAsync(id, activityIds, ct);
                results.Add(result is null
                    ? new RetryResult(id, false, $"Workflow instance '{id}' was not found.", null)
                    : new RetryResult(id, true, null, result.SubStatus.ToString()));
                if (result is not null) await audit.RecordAsync(http, AuditAction.InstanceRetried, id, $"now {result.SubStatus}");
            }
            catch (InvalidOperationException e)
            {
                results.Add(new RetryResult(id, false, e.Message, null));
            }
        }
        return TypedResults.Ok(new RetryResponse(results));
    }
}

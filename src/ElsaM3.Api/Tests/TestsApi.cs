using System.Security.Claims;
using ElsaM3.Runtime.Definitions;
using ElsaM3.Runtime.Testing;
using ElsaM3.Workflows.Execution;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ElsaM3.Api.Tests;

/// <summary>
/// <c>POST /tests/activities</c>, Studio's Test tab: runs one activity of a saved version alone, as a dry run, against
/// the caller's test input (the chosen sample case) and answers what it did. Nothing is stored.
/// </summary>
public static class TestsApi
{
    public static void MapTests(this IEndpointRouteBuilder api) =>
        api.MapPost("/tests/activities", TestAsync).WithName("TestActivity");

    private static async Task<Results<Ok<TestActivityResponse>, ValidationProblem, ProblemHttpResult>> TestAsync(
        TestActivityRequest? request, ClaimsPrincipal user, WorkflowGraphCache graphs, IWorkflowDefinitionStore store,
        WorkflowRunner runner, ITestInputSource inputs, ElsaM3.Audit.AuditRecorder audit, HttpContext http, CancellationToken cancellationToken)
    {
        var nodeId = request?.ActivityHandle?.ActivityNodeId ?? request?.ActivityHandle?.ActivityId;
        if (string.IsNullOrWhiteSpace(nodeId)) return ApiErrors.Invalid("activityHandle.activityNodeId", "is required: the activity to test.");
        var handle = request!.WorkflowDefinitionHandle;
        var versionId = handle?.DefinitionVersionId;
        if (string.IsNullOrWhiteSpace(versionId) && !string.IsNullOrWhiteSpace(handle?.DefinitionId))
            versionId = (await store.FindAsync(handle.DefinitionId, VersionOptions.Latest, cancellationToken))?.Id;
        if (string.IsNullOrWhiteSpace(versionId))
            return ApiErrors.Invalid("workflowDefinitionHandle.definitionVersionId", "is required: the saved version whose activity is tested.");
        var graph = await graphs.FindAsync(versionId, cancellationToken);
        if (graph is null) return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"There is no workflow definition version '{versionId}'.");
        if (!graph.Nodes.Any(n => n.NodeId == nodeId || n.Id == nodeId))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"Version '{versionId}' has no activity '{nodeId}': save the workflow, then test.");

        var input = await inputs.GetAsync(user, cancellationToken);
        var record = await runner.TestActivityAsync(graph, nodeId, input, cancellationToken);
        await audit.RecordAsync(http, ElsaM3.Audit.AuditAction.ActivityTested, target: graph.Definition.DefinitionId,
            detail: $"Version {graph.Definition.Version}, activity {nodeId}: {record.Status}");
        return TypedResults.Ok(TestActivityResponse.From(record));
    }
}

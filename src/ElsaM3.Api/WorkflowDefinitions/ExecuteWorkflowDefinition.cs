using System.Text.Json;
using ElsaM3.Audit;
using ElsaM3.Runtime.Definitions;
using ElsaM3.Runtime.Instances;
using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ElsaM3.Api.WorkflowDefinitions;

/// <summary><c>execute</c> runs a new instance and answers with its state; <c>dispatch</c> queues it and answers at once.</summary>
public static class ExecuteWorkflowDefinition
{
    public const string CannotStartHeader = "x-elsa-workflow-cannot-start";

    public static void MapExecuteOperations(this RouteGroupBuilder group)
    {
        group.MapPost("/{definitionId}/execute", Execute);
        group.MapPost("/{definitionId}/dispatch", Dispatch);
    }

    public sealed record ExecuteRequest(
        Dictionary<string, JsonElement>? Input, Dictionary<string, JsonElement>? Variables, string? CorrelationId, string? Name,
        string? TriggerActivityId, string? VersionOptions);

    public sealed record ExecuteResponse(WorkflowState WorkflowState);

    public sealed record DispatchResponse(string WorkflowInstanceId);

    private static async Task<Results<Ok<ExecuteResponse>, NotFound<string>, ValidationProblem, ProblemHttpResult>> Execute(
        string definitionId, ExecuteRequest? request, IWorkflowDefinitionStore store, WorkflowInstanceService instances,
        DirectStartCheck check, AuditRecorder audit, HttpContext http, CancellationToken ct)
    {
        var (definition, error) = await FindAsync(definitionId, request, store, ct);
        if (error is not null) return error;
        if (definition is null)
        {
            http.Response.Headers[CannotStartHeader] = "true";
            return TypedResults.NotFound($"There is no {(request?.VersionOptions ?? "published")} version of workflow '{definitionId}'.");
        }
        if (await check.RefusalAsync(http.User, definition, ct) is { } refused)
        {
            http.Response.Headers[CannotStartHeader] = "true";
            return refused;
        }
        try
        {
            var result = await instances.StartAsync(definition, Options(request), ct);
            http.Response.Headers[WorkflowInstanceHeader.Name] = result.State.Id;
            await audit.RecordAsync(http, AuditAction.WorkflowExecuted, target: definition.DefinitionId, detail: Detail(definition, result.State.Id, request));
            return TypedResults.Ok(new ExecuteResponse(result.State));
        }
        catch (WorkflowDefinitionException e)
        {
            http.Response.Headers[CannotStartHeader] = "true";
            return ApiErrors.FromMessage(e.Message);
        }
        catch (InvalidOperationException e)
        {
            http.Response.Headers[CannotStartHeader] = "true";
            return ApiErrors.Invalid("variables", e.Message);
        }
    }

    private static async Task<Results<Ok<DispatchResponse>, NotFound<string>, ValidationProblem, ProblemHttpResult>> Dispatch(
        string definitionId, ExecuteRequest? request, IWorkflowDefinitionStore store, WorkflowInstanceService instances,
        DirectStartCheck check, AuditRecorder audit, HttpContext http, CancellationToken ct)
    {
        var (definition, error) = await FindAsync(definitionId, request, store, ct);
        if (error is not null) return error;
        if (definition is null) return TypedResults.NotFound($"There is no {(request?.VersionOptions ?? "published")} version of workflow '{definitionId}'.");
        if (await check.RefusalAsync(http.User, definition, ct) is { } refused) return refused;
        try
        {
            var id = await instances.DispatchAsync(definition, Options(request), ct);
            http.Response.Headers[WorkflowInstanceHeader.Name] = id;
            await audit.RecordAsync(http, AuditAction.WorkflowDispatched, target: definition.DefinitionId, detail: Detail(definition, id, request));
            return TypedResults.Ok(new DispatchResponse(id));
        }
        catch (WorkflowDefinitionException e)
        {
            return ApiErrors.FromMessage(e.Message);
        }
    }

    private static async Task<(Workflows.Definitions.WorkflowDefinition? Definition, ValidationProblem? Error)> FindAsync(
        string definitionId, ExecuteRequest? request, IWorkflowDefinitionStore store, CancellationToken ct)
    {
        if (!VersionOptionsParameter.TryParse(request?.VersionOptions, "Published", out var options, out var error)) return (null, error);
        return (await store.FindAsync(definitionId, options, ct), null);
    }

    private static string Detail(Workflows.Definitions.WorkflowDefinition definition, string instanceId, ExecuteRequest? request) =>
        $"Version {definition.Version}, instance {instanceId}" + (request?.TriggerActivityId is { } at ? $", started at activity {at}" : "");

    private static StartOptions Options(ExecuteRequest? request) => new()
    {
        CorrelationId = request?.CorrelationId,
        Name = request?.Name,
        TriggerActivityId = request?.TriggerActivityId,
        Input = request?.Input?.ToDictionary(p => p.Key, p => WorkflowJson.ToPlain(p.Value)),
        Variables = request?.Variables?.ToDictionary(p => p.Key, p => WorkflowJson.ToPlain(p.Value)),
    };
}

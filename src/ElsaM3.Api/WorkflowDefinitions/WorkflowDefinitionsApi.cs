using System.Text.Json.Nodes;
using ElsaM3.Runtime.Definitions;
using ElsaM3.Workflows.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace ElsaM3.Api.WorkflowDefinitions;

public static class WorkflowDefinitionsApi
{
    public static void MapWorkflowDefinitions(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/workflow-definitions").WithTags("Workflow definitions");
        group.MapGet("/", List);
        group.MapGet("/by-definition-id/{definitionId}", GetByDefinitionId);
        group.MapGet("/by-id/{id}", GetById);
        group.MapGet("/many-by-id", ManyById);
        group.MapGet("/{definitionId}/versions", Versions);
        group.MapGet("/query/count", Count);
        group.MapGet("/validation/is-name-unique", IsNameUnique);
        group.MapGet("/suspended-triggers", SuspendedTriggers);
        group.MapPost("/{definitionId}/resume-triggers", ResumeTriggers).WithMetadata(AdminOnly.Instance);
        group.MapSaveOperations();
        group.MapExecuteOperations();
        api.MapDelete("/workflow-definition-versions/{id}", SaveWorkflowDefinition.DeleteVersion).WithMetadata(AdminOnly.Instance);
    }

    /// <summary>The workflows whose timer and event triggers are suspended after runs in a row faulted on a budget.</summary>
    private static async Task<Ok<IReadOnlyDictionary<string, ElsaM3.Runtime.Budgets.TriggerSuspension>>> SuspendedTriggers(
        ElsaM3.Runtime.Budgets.TriggerSuspensions suspensions, CancellationToken ct) => TypedResults.Ok(await suspensions.ListAsync(ct));

    /// <summary>An admin lets a suspended workflow's timers and events start it again.</summary>
    private static async Task<Results<NoContent, NotFound<ProblemDetails>>> ResumeTriggers(string definitionId, WorkflowDefinitionService definitions,
        ElsaM3.Audit.AuditRecorder audit, HttpContext http, CancellationToken ct)
    {
        if (!await definitions.ResumeTriggersAsync(definitionId, ct))
            return TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Not suspended", Detail = $"The triggers of workflow '{definitionId}' are not suspended." });
        await audit.RecordAsync(http, ElsaM3.Audit.AuditAction.TriggersResumed, target: definitionId);
        return TypedResults.NoContent();
    }

    public sealed record ListQuery(
        string? VersionOptions, int? Page, int? PageSize, string? SearchTerm, bool? IsSystem, string? OrderBy, string? OrderDirection,
        string[]? DefinitionIds, string[]? Ids);

    private static async Task<Results<Ok<PagedResponse<object>>, ValidationProblem>> List([AsParameters] ListQuery query, IWorkflowDefinitionStore store, CancellationToken ct)
    {
        if (!VersionOptionsParameter.TryParse(query.VersionOptions, "", out var versionOptions, out var error)) return error;
        if (query.PageSize is < 1 or > 1000) return ApiErrors.Invalid("pageSize", "must be between 1 and 1000.");
        if (query.Page is < 0) return ApiErrors.Invalid("page", "must be 0 or more (pages are 0-based).");
        var order = Enum.TryParse<DefinitionOrder>(query.OrderBy, true, out var o) ? o : DefinitionOrder.Name;
        var page = await store.ListAsync(new DefinitionQuery
        {
            VersionOptions = versionOptions,
            Page = query.Page ?? 0,
            PageSize = query.PageSize ?? 100,
            SearchTerm = query.SearchTerm,
            IsSystem = query.IsSystem,
            OrderBy = order,
            Descending = string.Equals(query.OrderDirection, "Descending", StringComparison.OrdinalIgnoreCase),
            DefinitionIds = query.DefinitionIds,
            Ids = query.Ids,
        }, ct);
        return TypedResults.Ok(new PagedResponse<object>(page.Items.Select(DefinitionJson.Summary).ToList(), page.TotalCount,
            [new Link($"{ElsaApi.Prefix}/bulk-actions/publish/workflow-definitions/by-definition-ids", "bulk-publish", "POST")]));
    }

    private static async Task<Results<Ok<JsonObject>, NotFound, ValidationProblem>> GetByDefinitionId(
        string definitionId, string? versionOptions, IWorkflowDefinitionStore store, WorkflowDefinitionSerializer serializer, CancellationToken ct)
    {
        if (!VersionOptionsParameter.TryParse(versionOptions, "Latest", out var options, out var error)) return error;
        var definition = await store.FindAsync(definitionId, options, ct);
        return definition is null ? TypedResults.NotFound() : TypedResults.Ok(DefinitionJson.Model(definition, serializer));
    }

    private static async Task<Results<Ok<JsonObject>, NotFound>> GetById(string id, IWorkflowDefinitionStore store, WorkflowDefinitionSerializer serializer, CancellationToken ct)
    {
        var definition = await store.FindByIdAsync(id, ct);
        return definition is null ? TypedResults.NotFound() : TypedResults.Ok(DefinitionJson.Model(definition, serializer));
    }

    private static async Task<Ok<ListResponse<JsonObject>>> ManyById([FromQuery] string[]? ids, IWorkflowDefinitionStore store, WorkflowDefinitionSerializer serializer, CancellationToken ct)
    {
        var definitions = ids is { Length: > 0 }
            ? await store.FindManyAsync(new DefinitionQuery { Ids = ids, VersionOptions = VersionOptions.AllVersions, PageSize = int.MaxValue }, ct)
            : [];
        return TypedResults.Ok(new ListResponse<JsonObject>(definitions.Select(d => DefinitionJson.Model(d, serializer)).ToList()));
    }

    private static async Task<Ok<ListResponse<object>>> Versions(string definitionId, IWorkflowDefinitionStore store, CancellationToken ct)
    {
        var page = await store.ListAsync(new DefinitionQuery
        {
            DefinitionIds = [definitionId], VersionOptions = VersionOptions.AllVersions, OrderBy = DefinitionOrder.Version, Descending = true, PageSize = int.MaxValue,
        }, ct);
        return TypedResults.Ok(new ListResponse<object>(page.Items.Select(DefinitionJson.Summary).ToList()));
    }

    private static async Task<Ok<CountResponse>> Count(IWorkflowDefinitionStore store, CancellationToken ct) =>
        TypedResults.Ok(new CountResponse((await store.ListAsync(new DefinitionQuery { PageSize = 1 }, ct)).TotalCount));

    private static async Task<Ok<NameUniqueResponse>> IsNameUnique(string name, string? definitionId, IWorkflowDefinitionStore store, CancellationToken ct)
    {
        var same = await store.ListAsync(new DefinitionQuery { Name = name, VersionOptions = VersionOptions.Latest, PageSize = 10 }, ct);
        return TypedResults.Ok(new NameUniqueResponse(same.Items.All(d => d.DefinitionId == definitionId)));
    }

    public sealed record CountResponse(long Count);

    public sealed record NameUniqueResponse(bool IsUnique);
}

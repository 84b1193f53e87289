using ElsaM3.Audit;
using ElsaM3.Runtime.Definitions;
using ElsaM3.Runtime.Instances;
using ElsaM3.Workflows.Execution;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ElsaM3.Api.WorkflowInstances;

public static class WorkflowInstancesApi
{
    public static void MapWorkflowInstances(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/workflow-instances").WithTags("Workflow instances");
        group.MapPost("/", List);
        group.MapGet("/", ListFromQuery);
        group.MapGet("/{id}", Get);
        group.MapGet("/{id}/execution-state", ExecutionState);
        group.MapGet("/{id}/variables", Variables);
        group.MapPost("/{id}/variables", SetVariables).WithMetadata(AdminOnly.Instance);
        group.MapDelete("/{id}", Delete).WithMetadata(AdminOnly.Instance);
        group.MapJournal();
        api.MapPost("/cancel/workflow-instances/{id}", Cancel);
        api.MapPost("/bulk-actions/cancel/workflow-instances", BulkCancel);
        api.MapPost("/bulk-actions/delete/workflow-instances/by-id", BulkDelete).WithMetadata(AdminOnly.Instance);
        api.MapPost("/bulk-actions/delete/workflow-instances", BulkDelete).WithMetadata(AdminOnly.Instance);
    }

    public sealed record ListRequest(
        int? Page, int? PageSize, string? SearchTerm, string? DefinitionId, string[]? DefinitionIds, string? CorrelationId, int? Version,
        bool? HasIncidents, WorkflowStatus? Status, WorkflowStatus[]? Statuses, WorkflowSubStatus? SubStatus, WorkflowSubStatus[]? SubStatuses,
        string? OrderBy, string? OrderDirection);

    public sealed record InstanceSummary(
        string Id, string DefinitionId, string DefinitionVersionId, int Version, WorkflowStatus Status, WorkflowSubStatus SubStatus,
        string? CorrelationId, string? Name, int IncidentCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? FinishedAt,
        string? NodeName)
    {
        public static InstanceSummary From(WorkflowInstanceSummary s) => new(s.Id, s.DefinitionId, s.DefinitionVersionId, s.Version, s.Status,
            s.SubStatus, s.CorrelationId, s.Name, s.IncidentCount, s.CreatedAt, s.UpdatedAt, s.FinishedAt, s.NodeName);
    }

    public sealed record InstanceDetails(
        string Id, string DefinitionId, string DefinitionVersionId, int Version, WorkflowStatus Status, WorkflowSubStatus SubStatus,
        string? CorrelationId, string? Name, int IncidentCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? FinishedAt,
        WorkflowState WorkflowState);

    private static async Task<Results<Ok<PagedResponse<InstanceSummary>>, ValidationProblem>> List(ListRequest? request, IWorkflowInstanceStore store, CancellationToken ct)
    {
        request ??= new ListRequest(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        if (request.PageSize is < 1 or > 1000) return ApiErrors.Invalid("pageSize", "must be between 1 and 1000.");
        if (request.Page is < 0) return ApiErrors.Invalid("page", "must be 0 or more (pages are 0-based).");
        var definitionIds = (request.DefinitionIds ?? []).Concat(request.DefinitionId is null ? [] : [request.DefinitionId]).ToList();
        var page = await store.ListAsync(new InstanceQuery
        {
            Page = request.Page ?? 0,
            PageSize = request.PageSize ?? 50,
            SearchTerm = request.SearchTerm,
            DefinitionIds = definitionIds,
            CorrelationId = request.CorrelationId,
            Version = request.Version,
            HasIncidents = request.HasIncidents,
            Statuses = (request.Statuses ?? []).Concat(request.Status is { } s ? [s] : []).ToList(),
            SubStatuses = (request.SubStatuses ?? []).Concat(request.SubStatus is { } ss ? [ss] : []).ToList(),
            OrderBy = Enum.TryParse<InstanceOrder>(request.OrderBy, true, out var order) ? order : InstanceOrder.Created,
            Descending = !string.Equals(request.OrderDirection, "Ascending", StringComparison.OrdinalIgnoreCase),
        }, ct);
        return TypedResults.Ok(new PagedResponse<InstanceSummary>(page.Items.Select(InstanceSummary.From).ToList(), page.TotalCount));
    }

    private static Task<Results<Ok<PagedResponse<InstanceSummary>>, ValidationProblem>> ListFromQuery([AsParameters] ListRequest request, IWorkflowInstanceStore store, CancellationToken ct) =>
        List(request, store, ct);

    private static async Task<Results<Ok<InstanceDetails>, NotFound>> Get(string id, IWorkflowInstanceStore store, CancellationToken ct)
    {
        var state = await store.FindStateAsync(id, ct);
        if (state is null) return TypedResults.NotFound();
        return TypedResults.Ok(new InstanceDetails(state.Id, state.DefinitionId, state.DefinitionVersionId, state.DefinitionVersion, state.Status,
            state.SubStatus, state.CorrelationId, state.Name, state.Incidents.Count, state.CreatedAt, state.UpdatedAt, state.FinishedAt, state));
    }

    public sealed record ExecutionStateResponse(WorkflowStatus Status, WorkflowSubStatus WorkflowSubStatus, DateTimeOffset UpdatedAt);

    private static async Task<Results<Ok<ExecutionStateResponse>, NotFound>> ExecutionState(string id, IWorkflowInstanceStore store, CancellationToken ct)
    {
        var state = await store.FindStateAsync(id, ct);
        return state is null ? TypedResults.NotFound() : TypedResults.Ok(new ExecutionStateResponse(state.Status, state.SubStatus, state.UpdatedAt));
    }

    public sealed record VariableValue(string Id, string Name, object? Value);

    private static async Task<Results<Ok<ListResponse<VariableValue>>, NotFound>> Variables(
        string id, IWorkflowInstanceStore store, WorkflowGraphCache graphs, CancellationToken ct)
    {
        var state = await store.FindStateAsync(id, ct);
        if (state is null) return TypedResults.NotFound();
        var graph = await graphs.FindAsync(state.DefinitionVersionId, ct);
        var values = (graph?.Variables ?? []).Select(v => new VariableValue(v.Id, v.Name, state.Variables.GetValueOrDefault(v.Id))).ToList();
        return TypedResults.Ok(new ListResponse<VariableValue>(values));
    }

    public sealed record VariableUpdate(string? Id, System.Text.Json.JsonElement Value);

    public sealed record SetVariablesRequest(VariableUpdate?[]? Variables);

    private static async Task<Results<Ok<ListResponse<VariableValue>>, NotFound, ValidationProblem>> SetVariables(
        string id, SetVariablesRequest request, WorkflowInstanceService instances, IWorkflowInstanceStore store, WorkflowGraphCache graphs, CancellationToken ct)
    {
        if (request.Variables is not { Length: > 0 } updates) return ApiErrors.Invalid("variables", "must hold at least one {id, value}.");
        if (ApiErrors.BlankItem("variables", updates.Select(u => u?.Id).ToList()) is { } blank) return blank;
        if (updates.GroupBy(u => u!.Id).FirstOrDefault(g => g.Count() > 1) is { } twice) return ApiErrors.Invalid("variables", $"names variable '{twice.Key}' twice.");
        try
        {
            var state = await instances.SetVariablesAsync(id, updates.ToDictionary(u => u!.Id!, u => (object?)u!.Value), ct);
            if (state is null) return TypedResults.NotFound();
        }
        catch (InvalidOperationException e)
        {
            return ApiErrors.Invalid("variables", e.Message);
        }
        var result = await Variables(id, store, graphs, ct);
        return result.Result is Ok<ListResponse<VariableValue>> ok ? ok : TypedResults.NotFound();
    }

    private static async Task<Results<NoContent, NotFound>> Delete(string id, HttpContext http, AuditRecorder audit, WorkflowInstanceService instances, CancellationToken ct)
    {
        if (await instances.DeleteAsync([id], ct) == 0) return TypedResults.NotFound();
        await audit.RecordAsync(http, AuditAction.InstanceDeleted, id);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok, NotFound, Conflict<string>>> Cancel(string id, HttpContext http, AuditRecorder audit, WorkflowInstanceService instances, CancellationToken ct)
    {
        switch (await instances.CancelAsync(id, ct))
        {
            case null: return TypedResults.NotFound();
            case false: return TypedResults.Conflict($"Workflow instance '{id}' has already finished.");
            default:
                await audit.RecordAsync(http, AuditAction.InstanceCancelled, id);
                return TypedResults.Ok();
        }
    }

    public sealed record BulkRequest(string?[]? Ids, string?[]? WorkflowDefinitionIds)
    {
        /// <summary>Why the request cannot be carried out (a null or blank id), or null.</summary>
        public ValidationProblem? Invalid() =>
            ApiErrors.BlankItem("ids", Ids) ?? ApiErrors.BlankItem("workflowDefinitionIds", WorkflowDefinitionIds);
    }

    public sealed record BulkResponse(int Count);

    private static async Task<Results<Ok<BulkResponse>, ValidationProblem>> BulkCancel(BulkRequest request, HttpContext http, AuditRecorder audit,
        WorkflowInstanceService instances, IWorkflowInstanceStore store, CancellationToken ct)
    {
        if (request.Invalid() is { } invalid) return invalid;
        var ids = await ResolveAsync(request, store, ct);
        var cancelled = new List<string>();
        foreach (var id in ids)
            if (await instances.CancelAsync(id, ct) == true) cancelled.Add(id);
        if (cancelled.Count > 0) await audit.RecordAsync(http, AuditAction.InstanceCancelled, Targets(cancelled), $"{cancelled.Count} instance(s) cancelled in bulk");
        return TypedResults.Ok(new BulkResponse(cancelled.Count));
    }

    private static async Task<Results<Ok<BulkResponse>, ValidationProblem>> BulkDelete(BulkRequest request, HttpContext http, AuditRecorder audit,
        WorkflowInstanceService instances, IWorkflowInstanceStore store, CancellationToken ct)
    {
        if (request.Invalid() is { } invalid) return invalid;
        var ids = await ResolveAsync(request, store, ct);
        var deleted = await instances.DeleteAsync(ids, ct);
        if (deleted > 0) await audit.RecordAsync(http, AuditAction.InstanceDeleted, Targets(ids), $"{deleted} instance(s) deleted in bulk");
        return TypedResults.Ok(new BulkResponse(deleted));
    }

    /// <summary>The ids an audit entry names: all of a few, the first ten of many.</summary>
    private static string Targets(IReadOnlyCollection<string> ids) =>
        ids.Count <= 10 ? string.Join(", ", ids) : $"{string.Join(", ", ids.Take(10))} and {ids.Count - 10} more";

    private static async Task<IReadOnlyCollection<string>> ResolveAsync(BulkRequest request, IWorkflowInstanceStore store, CancellationToken ct)
    {
        var ids = new HashSet<string>(request.Ids?.OfType<string>() ?? []);
        if (request.WorkflowDefinitionIds is { Length: > 0 } definitionIds)
            ids.UnionWith(await store.FindIdsAsync(new InstanceQuery { DefinitionIds = definitionIds.OfType<string>().ToList() }, ct));
        return ids;
    }
}

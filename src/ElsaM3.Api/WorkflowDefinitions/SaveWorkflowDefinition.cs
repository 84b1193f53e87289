using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ElsaM3.Audit;
using ElsaM3.Runtime.Definitions;
using ElsaM3.Runtime.Triggers;
using ElsaM3.Workflows.Definitions;
using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaM3.Api.WorkflowDefinitions;

/// <summary>Save (and publish), publish, retract, delete, import and export.</summary>
public static class SaveWorkflowDefinition
{
    public static void MapSaveOperations(this RouteGroupBuilder group)
    {
        group.MapPost("/", Save);
        group.MapPost("/{definitionId}/publish", Publish);
        group.MapPost("/{definitionId}/retract", Retract);
        group.MapDelete("/{definitionId}", Delete).WithMetadata(AdminOnly.Instance);
        group.MapPost("/import", Import);
        group.MapGet("/{definitionId}/export", Export);
    }

    /// <summary>Elsa's answer, plus <see cref="Warnings"/>: what will run but probably not as meant.</summary>
    public sealed record SaveResponse(JsonObject WorkflowDefinition, bool AlreadyPublished, int ConsumingWorkflowCount = 0)
    {
        public IReadOnlyList<string> Warnings { get; init; } = [];
    }

    private static async Task<Results<Ok<SaveResponse>, ValidationProblem, ProblemHttpResult>> Save(
        JsonObject body, HttpContext http, AuditRecorder audit, WorkflowDefinitionService definitions, WorkflowDefinitionSerializer serializer, CancellationToken ct)
    {
        if (body["model"] is not JsonObject modelJson) return ApiErrors.Invalid("model", "is required: the workflow definition to save.");
        var publish = body["publish"] is JsonValue p && p.GetValueKind() == JsonValueKind.True;
        return await SaveModelAsync(modelJson, publish, publish ? AuditAction.DefinitionPublished : AuditAction.DefinitionSaved, http, audit, definitions, serializer, ct);
    }

    /// <summary>
    /// Elsa's import: the file is saved as a draft (never published, whatever its <c>isPublished</c> says, so nothing in it is
    /// evaluated) and the answer is the definition itself: 201 when the definition is new, else 200.
    /// </summary>
    private static async Task<Results<Created<JsonObject>, Ok<JsonObject>, ValidationProblem, ProblemHttpResult>> Import(
        JsonObject body, HttpContext http, AuditRecorder audit, WorkflowDefinitionService definitions, IWorkflowDefinitionStore store,
        WorkflowDefinitionSerializer serializer, CancellationToken ct)
    {
        var definitionId = body["definitionId"] is JsonValue id && id.GetValueKind() == JsonValueKind.String ? id.GetValue<string>() : null;
        var isNew = string.IsNullOrWhiteSpace(definitionId) || await store.FindAsync(definitionId, VersionOptions.Latest, ct) is null;
        var saved = await TrySaveAsync(body, publish: false, AuditAction.DefinitionImported, http, audit, definitions, serializer, ct);
        if (saved.Invalid is not null) return saved.Invalid;
        if (saved.Problem is not null) return saved.Problem;
        var model = DefinitionJson.Model(saved.Result!.Definition, serializer);
        return isNew
            ? TypedResults.Created($"{ElsaApi.Prefix}/workflow-definitions/by-definition-id/{Uri.EscapeDataString(saved.Result.Definition.DefinitionId)}", model)
            : TypedResults.Ok(model);
    }

    private static async Task<Results<Ok<SaveResponse>, ValidationProblem, ProblemHttpResult>> SaveModelAsync(JsonObject modelJson, bool publish, AuditAction action,
        HttpContext http, AuditRecorder audit, WorkflowDefinitionService definitions, WorkflowDefinitionSerializer serializer, CancellationToken ct)
    {
        var saved = await TrySaveAsync(modelJson, publish, action, http, audit, definitions, serializer, ct);
        if (saved.Invalid is not null) return saved.Invalid;
        if (saved.Problem is not null) return saved.Problem;
        var result = saved.Result!;
        return TypedResults.Ok(new SaveResponse(DefinitionJson.Model(result.Definition, serializer), result.AlreadyPublished) { Warnings = await WarningsAsync(http, result.Definition, ct) });
    }

    /// <summary>A save, or the 400 (<see cref="Invalid"/>) or 409 (<see cref="Problem"/>) that says why not.</summary>
    private sealed record SaveAttempt(SaveResult? Result, ValidationProblem? Invalid = null, ProblemHttpResult? Problem = null);

    private static async Task<SaveAttempt> TrySaveAsync(JsonObject modelJson, bool publish, AuditAction action,
        HttpContext http, AuditRecorder audit, WorkflowDefinitionService definitions, WorkflowDefinitionSerializer serializer, CancellationToken ct)
    {
        if (modelJson["root"] is not JsonObject) return new(null, ApiErrors.Invalid("root", "is required: the workflow's root activity (a flowchart, a sequence or a single activity), as an object."));
        WorkflowDefinition model;
        try
        {
            model = serializer.Deserialize(modelJson.ToJsonString());
        }
        catch (JsonException e)
        {
            return new(null, ApiErrors.Invalid("model", $"is not a valid Elsa workflow definition: {e.Message}"));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // A lone surrogate in a string, a duplicate key deep in a node, a number that does not fit its field.
            return new(null, ApiErrors.Invalid("model", $"is not a valid Elsa workflow definition: {e.Message}"));
        }
        try
        {
            var result = await definitions.SaveAsync(model, publish, ct);
            await audit.RecordAsync(http, action, result.Definition.DefinitionId, VersionDetail(result.Definition));
            return new(result);
        }
        catch (TriggerConflictException e)
        {
            return new(null, Problem: ApiErrors.Conflict(e));
        }
        catch (WorkflowDefinitionException e)
        {
            return new(null, ApiErrors.FromMessage(e.Message));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // The JSON nodes of a definition are read lazily: a node of the wrong kind surfaces only here.
            return new(null, ApiErrors.Invalid("model", $"is not a valid Elsa workflow definition: {e.Message}"));
        }
    }

    /// <summary>What the definition advisors find in a saved version: answered with every save and publish.</summary>
    private static async Task<List<string>> WarningsAsync(HttpContext http, WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        var graph = await http.RequestServices.GetRequiredService<WorkflowGraphCache>().GetAsync(definition, cancellationToken);
        return http.RequestServices.GetServices<IDefinitionAdvisor>().SelectMany(a => a.Advise(graph)).ToList();
    }

    private static async Task<Results<Ok<JsonObject>, NotFound, ValidationProblem, ProblemHttpResult>> Publish(string definitionId,
        HttpContext http, AuditRecorder audit, WorkflowDefinitionService definitions, WorkflowDefinitionSerializer serializer, CancellationToken ct)
    {
        try
        {
            var result = await definitions.PublishAsync(definitionId, ct);
            if (result is null) return TypedResults.NotFound();
            if (!result.AlreadyPublished) await audit.RecordAsync(http, AuditAction.DefinitionPublished, definitionId, VersionDetail(result.Definition));
            var model = DefinitionJson.Model(result.Definition, serializer);
            model["warnings"] = new JsonArray((await WarningsAsync(http, result.Definition, ct)).Select(w => (JsonNode)w).ToArray());
            return TypedResults.Ok(model);
        }
        catch (TriggerConflictException e)
        {
            return ApiErrors.Conflict(e);
        }
        catch (WorkflowDefinitionException e)
        {
            return ApiErrors.FromMessage(e.Message);
        }
    }

    private static async Task<Results<Ok<JsonObject>, NotFound>> Retract(string definitionId,
        HttpContext http, AuditRecorder audit, WorkflowDefinitionService definitions, WorkflowDefinitionSerializer serializer, CancellationToken ct)
    {
        var retracted = await definitions.RetractAsync(definitionId, ct);
        if (retracted is null) return TypedResults.NotFound();
        await audit.RecordAsync(http, AuditAction.DefinitionRetracted, definitionId, VersionDetail(retracted));
        return TypedResults.Ok(DefinitionJson.Model(retracted, serializer));
    }

    private static async Task<Results<NoContent, NotFound>> Delete(string definitionId, HttpContext http, AuditRecorder audit, WorkflowDefinitionService definitions, CancellationToken ct)
    {
        var result = await definitions.DeleteAsync(definitionId, ct);
        if (result.DeletedVersions == 0) return TypedResults.NotFound();
        await audit.RecordAsync(http, AuditAction.DefinitionDeleted, definitionId,
            $"{result.DeletedVersions} version(s) deleted, {result.CancelledInstances} waiting instance(s) cancelled");
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, NotFound>> DeleteVersion(string id, HttpContext http, AuditRecorder audit, WorkflowDefinitionService definitions, CancellationToken ct)
    {
        var result = await definitions.DeleteVersionAsync(id, ct);
        if (result.DeletedVersions == 0) return TypedResults.NotFound();
        await audit.RecordAsync(http, AuditAction.DefinitionVersionDeleted, id, $"{result.CancelledInstances} waiting instance(s) cancelled");
        return TypedResults.NoContent();
    }

    private static string VersionDetail(WorkflowDefinition definition) => $"'{definition.Name}' version {definition.Version}";

    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> Export(
        string definitionId, string? versionOptions, IWorkflowDefinitionStore store, WorkflowDefinitionSerializer serializer, CancellationToken ct)
    {
        if (!VersionOptionsParameter.TryParse(versionOptions, "Latest", out var options, out var error)) return error;
        var definition = await store.FindAsync(definitionId, options, ct);
        if (definition is null) return TypedResults.NotFound();
        var json = JsonNode.Parse(serializer.Serialize(definition))!.AsObject();
        var exported = new JsonObject { ["$schema"] = "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json" };
        foreach (var (key, value) in json.ToList())
            if (key != "$schema") { json.Remove(key); exported[key] = value; }
        var slug = string.Concat((definition.Name ?? "workflow").ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-'));
        return TypedResults.File(Encoding.UTF8.GetBytes(exported.ToJsonString(new JsonSerializerOptions { WriteIndented = true })),
            "application/json", $"workflow-definition-{slug}-{definition.DefinitionId}-{definition.Id}.json");
    }
}

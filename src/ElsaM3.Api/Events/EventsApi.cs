using System.Text.Json;
using ElsaM3.Runtime.Events;
using ElsaM3.Workflows.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ElsaM3.Api.Events;

/// <summary>Elsa's <c>POST /events/{eventName}/trigger</c>: publishes an event (signed-in people, as the rest of the API).</summary>
public static class EventsApi
{
    public const int MaxEventNameLength = 200;

    public static void MapEvents(this IEndpointRouteBuilder api) => api.MapPost("/events/{eventName}/trigger", Trigger).WithTags("Events");

    public sealed record TriggerRequest(string? CorrelationId, string? WorkflowInstanceId, JsonElement? Payload);

    /// <summary>How many workflows the event started or resumed.</summary>
    public sealed record TriggerResponse(int WorkflowsReached);

    private static async Task<Results<Ok<TriggerResponse>, ValidationProblem>> Trigger(string eventName, TriggerRequest? request, EventPublisher publisher,
        ElsaM3.Audit.AuditRecorder audit, Microsoft.AspNetCore.Http.HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(eventName) || eventName.Length > MaxEventNameLength || eventName.Any(char.IsControl))
            return ApiErrors.Invalid("eventName", $"must be 1 to {MaxEventNameLength} printable characters.");
        var payload = request?.Payload is { } json ? WorkflowJson.ToPlain(json) : null;
        var reached = await publisher.PublishAsync(eventName, Blank(request?.CorrelationId), Blank(request?.WorkflowInstanceId), payload, ct);
        await audit.RecordAsync(http, ElsaM3.Audit.AuditAction.EventTriggered, target: eventName, detail: $"Reached {reached} workflow(s)");
        return TypedResults.Ok(new TriggerResponse(reached));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

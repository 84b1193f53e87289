using ElsaM3.Runtime.Instances;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ElsaM3.Workflows.Journal;
using ElsaM3.Runtime.Journal;

namespace ElsaM3.Api.WorkflowInstances;

/// <summary>An instance's journal: paged, optionally filtered by activity, node, type or event name.</summary>
public static class JournalApi
{
    public static void MapJournal(this RouteGroupBuilder group)
    {
        group.MapGet("/{id}/journal", Get);
        group.MapPost("/{id}/journal", Filter);
        group.MapGet("/{id}/journal/{activityId}", Last);
    }

    public sealed record JournalFilter(string[]? ActivityIds, string[]? ActivityNodeIds, string[]? ExcludedActivityTypes, string[]? EventNames);

    public sealed record JournalRequest(JournalFilter? Filter);

    public sealed record JournalRecord(
        string Id, string ActivityInstanceId, string? ParentActivityInstanceId, string ActivityId, string ActivityType, int ActivityTypeVersion,
        string? ActivityName, string NodeId, DateTimeOffset Timestamp, long Sequence, string EventName, string? Message, string? Source,
        object? ActivityState, object? Payload, string? NodeName)
    {
        public static JournalRecord From(ExecutionLogRecord r) => new(r.Id, r.ActivityInstanceId, r.ParentActivityInstanceId, r.ActivityId, r.ActivityType,
            r.ActivityTypeVersion, r.ActivityName, r.NodeId, r.Timestamp, r.Sequence, r.EventName, r.Message, r.Source, null, r.Payload, r.NodeName);
    }

    private static Task<Results<Ok<PagedResponse<JournalRecord>>, ValidationProblem>> Get(
        string id, int? page, int? pageSize, int? skip, int? take, IWorkflowInstanceStore store, CancellationToken ct) =>
        Query(id, null, page, pageSize, skip, take, store, ct);

    private static Task<Results<Ok<PagedResponse<JournalRecord>>, ValidationProblem>> Filter(
        string id, JournalRequest? request, int? page, int? pageSize, int? skip, int? take, IWorkflowInstanceStore store, CancellationToken ct) =>
        Query(id, request?.Filter, page, pageSize, skip, take, store, ct);

    private static async Task<Results<Ok<PagedResponse<JournalRecord>>, ValidationProblem>> Query(
        string id, JournalFilter? filter, int? page, int? pageSize, int? skip, int? take, IWorkflowInstanceStore store, CancellationToken ct)
    {
        var size = take ?? pageSize ?? 100;
        if (size is < 1 or > 10_000) return ApiErrors.Invalid(take is null ? "pageSize" : "take", "must be between 1 and 10000.");
        var offset = skip ?? (page ?? 0) * size;
        if (offset < 0) return ApiErrors.Invalid(skip is null ? "page" : "skip", "must be 0 or more.");
        var result = await store.JournalAsync(new JournalQuery(id)
        {
            ActivityIds = filter?.ActivityIds,
            ActivityNodeIds = filter?.ActivityNodeIds,
            ExcludedActivityTypes = filter?.ExcludedActivityTypes,
            EventNames = filter?.EventNames,
            Skip = offset,
            Take = size,
        }, ct);
        return TypedResults.Ok(new PagedResponse<JournalRecord>(result.Items.Select(JournalRecord.From).ToList(), result.TotalCount));
    }

    private static async Task<Results<Ok<JournalRecord>, NotFound>> Last(string id, string activityId, IWorkflowInstanceStore store, CancellationToken ct)
    {
        var result = await store.JournalAsync(new JournalQuery(id) { ActivityIds = [activityId], Take = int.MaxValue }, ct);
        return result.Items.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(JournalRecord.From(result.Items[^1]));
    }
}

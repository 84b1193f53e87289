using ElsaM3.Runtime.Instances;
using ElsaM3.Workflows.Execution;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ElsaM3.Api.ActivityExecutions;

/// <summary>Activity execution records: lists per instance and node, details, per-node counters and the call stack.</summary>
public static class ActivityExecutionsApi
{
    public static void MapActivityExecutions(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/activity-executions").WithTags("Activity executions");
        group.MapGet("/list", List);
        group.MapGet("/count", Count);
        group.MapGet("/by-id", ById);
        group.MapGet("/{id}", ById);
        group.MapGet("/{id}/call-stack", CallStack);
        group.MapPost("/report", Report);
        api.MapGet("/activity-execution-summaries/list", Summaries);
    }

    public sealed record ListQuery(string? WorkflowInstanceId, string? ActivityNodeId)
    {
        /// <summary>The 400 for a query without the instance it is about.</summary>
        public ValidationProblem? Missing() =>
            string.IsNullOrWhiteSpace(WorkflowInstanceId) ? ApiErrors.Invalid("workflowInstanceId", "is required.") : null;
    }

    public sealed record Summary(
        string Id, string WorkflowInstanceId, string ActivityId, string ActivityNodeId, string ActivityType, int ActivityTypeVersion,
        string? ActivityName, DateTimeOffset StartedAt, bool HasBookmarks, ActivityStatus Status, int AggregateFaultCount,
        DateTimeOffset? CompletedAt, object Metadata)
    {
        public static Summary From(ActivityExecutionRecord r) => new(r.Id, r.WorkflowInstanceId, r.ActivityId, r.ActivityNodeId, r.ActivityType,
            r.ActivityTypeVersion, r.ActivityName, r.StartedAt, r.HasBookmarks, r.Status, r.AggregateFaultCount, r.CompletedAt, r.Metadata ?? new());
    }

    private static async Task<Results<Ok<ListResponse<ActivityExecutionRecord>>, ValidationProblem>> List([AsParameters] ListQuery query, IWorkflowInstanceStore store, CancellationToken ct)
    {
        if (query.Missing() is { } missing) return missing;
        var records = await store.ActivityExecutionsAsync(query.WorkflowInstanceId!, query.ActivityNodeId, ct);
        return TypedResults.Ok(new ListResponse<ActivityExecutionRecord>(records.Select(Normalize).ToList()));
    }

    private static async Task<Results<Ok<ListResponse<Summary>>, ValidationProblem>> Summaries([AsParameters] ListQuery query, IWorkflowInstanceStore store, CancellationToken ct)
    {
        if (query.Missing() is { } missing) return missing;
        var records = await store.ActivityExecutionsAsync(query.WorkflowInstanceId!, query.ActivityNodeId, ct);
        return TypedResults.Ok(new ListResponse<Summary>(records.Select(Summary.From).ToList()));
    }

    public sealed record CountResponse(long Count);

    private static async Task<Results<Ok<CountResponse>, ValidationProblem>> Count([AsParameters] ListQuery query, IWorkflowInstanceStore store, CancellationToken ct)
    {
        if (query.Missing() is { } missing) return missing;
        return TypedResults.Ok(new CountResponse((await store.ActivityExecutionsAsync(query.WorkflowInstanceId!, query.ActivityNodeId, ct)).Count));
    }

    private static async Task<Results<Ok<ActivityExecutionRecord>, NotFound>> ById(string id, IWorkflowInstanceStore store, CancellationToken ct)
    {
        var record = await store.ActivityExecutionAsync(id, ct);
        return record is null ? TypedResults.NotFound() : TypedResults.Ok(Normalize(record));
    }

    public sealed record CallStackResponse(string ActivityExecutionId, IReadOnlyList<ActivityExecutionRecord> Items, int TotalCount);

    private static async Task<Results<Ok<CallStackResponse>, NotFound>> CallStack(string id, IWorkflowInstanceStore store, CancellationToken ct)
    {
        var record = await store.ActivityExecutionAsync(id, ct);
        if (record is null) return TypedResults.NotFound();
        var all = (await store.ActivityExecutionsAsync(record.WorkflowInstanceId, null, ct)).ToDictionary(r => r.Id);
        var stack = new List<ActivityExecutionRecord>();
        for (var current = record; current is not null && stack.Count < 1000;
             current = current.SchedulingActivityExecutionId is { } parent ? all.GetValueOrDefault(parent) : null)
            stack.Add(Normalize(current));
        stack.Reverse();
        return TypedResults.Ok(new CallStackResponse(id, stack, stack.Count));
    }

    public sealed record ReportRequest(string WorkflowInstanceId, string[]? ActivityNodeIds);

    public sealed record NodeStats(string ActivityId, string ActivityNodeId, int StartedCount, int CompletedCount, int UncompletedCount, bool IsBlocked, bool IsFaulted, object Metadata);

    public sealed record ReportResponse(IReadOnlyList<NodeStats> Stats);

    private static async Task<Ok<ReportResponse>> Report(ReportRequest request, IWorkflowInstanceStore store, CancellationToken ct)
    {
        var records = await store.ActivityExecutionsAsync(request.WorkflowInstanceId, null, ct);
        var wanted = request.ActivityNodeIds is { Length: > 0 } ids ? ids.ToHashSet() : null;
        var stats = records.Where(r => wanted is null || wanted.Contains(r.ActivityNodeId)).GroupBy(r => r.ActivityNodeId).Select(g =>
        {
            var completed = g.Count(r => r.Status == ActivityStatus.Completed);
            return new NodeStats(g.First().ActivityId, g.Key, g.Count(), completed, g.Count() - completed,
                g.Any(r => r.HasBookmarks && r.Status == ActivityStatus.Running), g.Any(r => r.Status == ActivityStatus.Faulted), new());
        }).ToList();
        return TypedResults.Ok(new ReportResponse(stats));
    }

    private static ActivityExecutionRecord Normalize(ActivityExecutionRecord record)
    {
        record.ActivityState ??= [];
        record.Outputs ??= [];
        record.Properties ??= [];
        record.Metadata ??= [];
        record.Payload ??= [];
        return record;
    }
}

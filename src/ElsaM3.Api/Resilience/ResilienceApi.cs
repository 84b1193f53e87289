using System.Collections;
using ElsaM3.Runtime.Instances;
using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Descriptors;
using ElsaM3.Workflows.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ElsaM3.Api.Resilience;

/// <summary>
/// Elsa's resilience resources as Studio reads them: the strategies a resilient activity can use (its Resilience tab)
/// and the retried attempts of one activity execution (the instance viewer's Retries tab).
/// </summary>
public static class ResilienceApi
{
    public const string FeatureName = "Elsa.Resilience";

    public static void MapResilience(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/resilience").WithTags("Resilience");
        group.MapGet("/strategies", (string? category, IEnumerable<IResilienceStrategySource> sources) =>
            TypedResults.Ok(new ListResponse<Dictionary<string, object?>>(sources.SelectMany(s => s.List())
                .Where(s => string.IsNullOrEmpty(category) || string.Equals(s.Category, category, StringComparison.OrdinalIgnoreCase))
                .Select(Shape).ToList())));
        group.MapGet("/retries/{activityInstanceId}", Retries);
    }

    /// <summary>Elsa's polymorphic strategy object: <c>$type</c>, <c>id</c>, <c>displayName</c>, then its settings.</summary>
    private static Dictionary<string, object?> Shape(ResilienceStrategyDescriptor strategy)
    {
        var shape = new Dictionary<string, object?> { ["$type"] = strategy.Category + "ResilienceStrategy", ["id"] = strategy.Id, ["displayName"] = strategy.DisplayName, ["category"] = strategy.Category };
        foreach (var (key, value) in strategy.Settings) shape[key] = value;
        return shape;
    }

    private static async Task<Ok<PagedResponse<Dictionary<string, object?>>>> Retries(string activityInstanceId, int? skip, int? take,
        IWorkflowInstanceStore store, CancellationToken ct)
    {
        var record = await store.ActivityExecutionAsync(activityInstanceId, ct);
        var attempts = record?.Properties?.GetValueOrDefault(ResilientAttribute.RetryAttemptsProperty) is IEnumerable list and not string
            ? list.Cast<object?>().Select(a => WorkflowJson.ToPlain(a) as Dictionary<string, object?>).OfType<Dictionary<string, object?>>().ToList()
            : [];
        var page = attempts.Skip(skip ?? 0).Take(take ?? int.MaxValue).ToList();
        return TypedResults.Ok(new PagedResponse<Dictionary<string, object?>>(page, attempts.Count));
    }
}

using ElsaM3.Runtime.Definitions;
using ElsaM3.Workflows.Descriptors;
using ElsaM3.Workflows.Expressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ElsaM3.Workflows.Incidents;

namespace ElsaM3.Api.Descriptors;

/// <summary>What Studio needs to build its toolbox, property panels and settings dropdowns.</summary>
public static class DescriptorsApi
{
    public const string StorageDriver = "Elsa.Workflows.WorkflowInstanceStorageDriver, Elsa.Workflows.Core";

    public static void MapDescriptors(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/descriptors").WithTags("Descriptors");
        group.MapGet("/activities", Activities);
        group.MapPost("/activities/{typeName}/options/{propertyName}", InputOptionsApi.GetAsync);
        group.MapGet("/expression-descriptors", Expressions);
        group.MapGet("/variables", () => TypedResults.Ok(new ListResponse<TypeDescriptor>(VariableTypes)));
        group.MapGet("/storage-drivers", () => TypedResults.Ok(new ListResponse<StorageDriverDescriptor>([new(StorageDriver, "Workflow instance", 100, false)])));
        group.MapGet("/incident-strategies", () => TypedResults.Ok(new ListResponse<StrategyDescriptor>(
        [
            new(IncidentStrategies.FaultTypeName, "Fault", "The workflow ends Faulted at the first fault; an admin can retry it."),
            new(IncidentStrategies.ContinueWithIncidentsTypeName, "Continue with incidents", "Other branches go on; the faulted activity's successors wait for a retry."),
        ])));
        group.MapGet("/log-persistence-strategies", () => TypedResults.Ok(new ListResponse<StrategyDescriptor>(
        [
            new("Elsa.Workflows.LogPersistence.Strategies.Include, Elsa.Workflows.Core", "Include", "Record inputs and outputs in the execution records."),
            new("Elsa.Workflows.LogPersistence.Strategies.Exclude, Elsa.Workflows.Core", "Exclude", "Leave inputs and outputs out of the execution records."),
            new("Elsa.Workflows.LogPersistence.Strategies.Inherit, Elsa.Workflows.Core", "Inherit", "Use the setting of the workflow."),
        ])));
        group.MapGet("/workflow-activation-strategies", () => TypedResults.Ok(new ListResponse<StrategyDescriptor>(
        [
            new("Elsa.Workflows.Runtime.ActivationValidators.AllowAlwaysStrategy, Elsa.Workflows.Runtime", "Always", "A new instance for every trigger."),
        ])));
        group.MapGet("/commit-strategies/workflows", () => TypedResults.Ok(new ListResponse<CommitStrategyDescriptor>(
        [
            new("WorkflowExecuted", "Workflow executed", "State is committed once at the end of each execution burst (always, in ElsaM3)."),
        ])));
        group.MapGet("/commit-strategies/activities", () => TypedResults.Ok(new ListResponse<CommitStrategyDescriptor>([])));
        group.MapGet("/output-converters", () => TypedResults.Ok(new ListResponse<object>([])));
        // Only the resilience feature is advertised (Studio then shows the Resilience and Retries tabs); never real-time updates.
        api.MapGet("/features/installed", () => TypedResults.Ok(new ListResponse<FeatureDescriptor>([ResilienceFeature])));
        api.MapGet("/features/installed/{fullName}", Results<Ok<FeatureDescriptor>, NotFound> (string fullName) =>
            fullName == ResilienceFeature.FullName ? TypedResults.Ok(ResilienceFeature) : TypedResults.NotFound());
        api.MapGet("/package/version", () => TypedResults.Ok(new { packageVersion = "3.8.0" }));
    }

    public sealed record FeatureDescriptor(string Name, string Namespace, string FullName, string DisplayName, string Description);

    private static readonly FeatureDescriptor ResilienceFeature = new("Resilience", "Elsa", Resilience.ResilienceApi.FeatureName, "Resilience",
        "Activities that retry by themselves under a resilience strategy, with their attempts recorded.");

    public sealed record TypeDescriptor(string TypeName, string DisplayName, string Category, string? Description);

    public sealed record StorageDriverDescriptor(string TypeName, string DisplayName, int Priority, bool Deprecated);

    public sealed record StrategyDescriptor(string TypeName, string DisplayName, string Description);

    public sealed record CommitStrategyDescriptor(string Name, string DisplayName, string Description);

    private static readonly IReadOnlyList<TypeDescriptor> VariableTypes =
    [
        new("Object", "Object", "Primitives", "Any value, including JSON objects."),
        new("String", "String", "Primitives", "Text."),
        new("Boolean", "Boolean", "Primitives", "True or false."),
        new("Int32", "Int32", "Primitives", "A whole number."),
        new("Int64", "Int64", "Primitives", "A large whole number."),
        new("Double", "Double", "Primitives", "A number with decimals."),
        new("Decimal", "Decimal", "Primitives", "An exact decimal number."),
        new("DateTimeOffset", "DateTimeOffset", "Primitives", "A date and time with offset."),
        new("TimeSpan", "TimeSpan", "Primitives", "A duration."),
        new("Guid", "Guid", "Primitives", "A unique identifier."),
        new("ObjectMap", "ObjectMap", "Dictionaries", "Named values."),
    ];

    /// <summary>The registered activities, the workflows usable as activities (every version, as Elsa lists them), then placeholders for unknown types.</summary>
    private static async Task<Ok<ListResponse<ActivityDescriptor>>> Activities(ActivityRegistry registry, WorkflowDefinitionService definitions, CancellationToken ct)
    {
        var workflows = await definitions.WorkflowActivityDescriptorsAsync(ct);
        var workflowTypes = workflows.Select(d => d.TypeName).ToHashSet(StringComparer.Ordinal);
        return TypedResults.Ok(new ListResponse<ActivityDescriptor>(registry.All.Select(t => t.Descriptor).Concat(workflows)
            .OrderBy(d => d.Category).ThenBy(d => d.DisplayName)
            .Concat(registry.PlaceholderDescriptors().Where(p => !workflowTypes.Contains(p.TypeName))).ToList()));
    }

    public sealed record ExpressionDescriptorResponse(string Type, string DisplayName, bool IsSerializable, bool IsBrowsable, IReadOnlyDictionary<string, object> Properties);

    private static Ok<ListResponse<ExpressionDescriptorResponse>> Expressions(IEnumerable<IExpressionEvaluator> evaluators) =>
        TypedResults.Ok(new ListResponse<ExpressionDescriptorResponse>(evaluators.Select(e => e.Descriptor).DistinctBy(d => d.Type)
            .Select(d => new ExpressionDescriptorResponse(d.Type, d.DisplayName, d.IsSerializable, d.IsBrowsable, d.Properties)).ToList()));
}

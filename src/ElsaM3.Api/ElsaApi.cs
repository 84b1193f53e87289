using ElsaM3.Api.Resilience;
using ElsaM3.Api.ActivityExecutions;
using ElsaM3.Api.Alterations;
using ElsaM3.Api.Events;
using ElsaM3.Api.Scripting;
using ElsaM3.Api.Descriptors;
using ElsaM3.Api.WorkflowDefinitions;
using ElsaM3.Api.WorkflowInstances;
using ElsaM3.Api.Tests;
using ElsaM3.Workflows.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaM3.Api;

public static class ElsaApi
{
    public const string Prefix = "/elsa/api";

    /// <summary>JSON as Elsa Studio expects it: camelCase, enums as names, workflow definitions in Elsa's format.</summary>
    public static IServiceCollection AddElsaApi(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<DirectStartCheck>();
        services.AddOptions<JsonOptions>().Configure<WorkflowDefinitionSerializer, Microsoft.AspNetCore.Http.IHttpContextAccessor>((options, serializer, http) =>
        {
            var json = options.SerializerOptions;
            json.Converters.Add(new AdminOnlyStackTraces(http));
            json.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            json.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never;
            // A body that says the same thing twice is ambiguous; which one wins is not the caller's guess to make.
            json.AllowDuplicateProperties = false;
            json.MaxDepth = 64;
            foreach (var converter in serializer.Options.Converters) json.Converters.Add(converter);
            json.Converters.Add(new PlainValueConverter());
            json.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        });
        return services;
    }

    /// <summary>Maps every resource under <c>/elsa/api</c>; returns the group so the host can add authorisation.</summary>
    public static RouteGroupBuilder MapElsaApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix);
        api.MapWorkflowDefinitions();
        api.MapWorkflowInstances();
        api.MapActivityExecutions();
        api.MapDescriptors();
        api.MapAlterations();
        api.MapResilience();
        api.MapTests();
        api.MapEvents();
        api.MapScripting();
        return api;
    }
}

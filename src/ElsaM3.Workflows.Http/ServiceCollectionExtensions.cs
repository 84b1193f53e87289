using ElsaM3.Workflows.Http.Activities;
using ElsaM3.Workflows.Http.Triggers;
using ElsaM3.Workflows.Http.Routes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaM3.Workflows.Http;

public static class ServiceCollectionExtensions
{
    /// <summary>Adds the HTTP activities and the services of the <c>/workflows</c> middleware.</summary>
    public static IServiceCollection AddHttpWorkflows(this IServiceCollection services)
    {
        services.AddOptions<HttpOptions>().BindConfiguration(HttpOptions.Section)
            .Validate(o => o.BasePath.StartsWith('/') && o.BasePath.Length > 1 && !o.BasePath.EndsWith('/'),
                $"{HttpOptions.Section}:BasePath must start with '/', name a path and not end with '/', e.g. /workflows.")
            .ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<HttpOptions>, HttpOptionsValidator>();
        services.AddOptions<Outbound.OutboundOptions>().BindConfiguration(Outbound.OutboundOptions.Section)
            .Validate(o => o.Allow.Concat(o.Deny).All(Outbound.OutboundPolicy.IsValidEntry),
                $"{Outbound.OutboundOptions.Section}:Allow and Deny take addresses (10.0.0.5), networks (10.0.0.0/8) or host names (m3.council.local, *.council.local).")
            .ValidateOnStart();
        services.AddSingleton<Outbound.OutboundPolicy>();
        // HTTP activities connect only where the outbound policy allows, checked on the resolved address; no proxy, so the
        // address checked is the one called.
        services.AddHttpClient(nameof(FlowSendHttpRequest)).ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = sp.GetRequiredService<Outbound.OutboundPolicy>().ConnectAsync,
        });
        services.AddSingleton<HttpRouteMatcher>();
        services.AddSingleton<ElsaM3.Runtime.Triggers.ITriggerValidator, HttpRouteValidator>();
        services.AddSingleton<ElsaM3.Runtime.Triggers.IDirectStartRules, HttpDirectStartRules>();
        return services.AddActivity<HttpEndpoint>().AddActivity<WriteHttpResponse>().AddActivity<FlowSendHttpRequest>();
    }

    /// <summary>Routes requests under the configured base path (default <c>/workflows</c>) to workflows.</summary>
    public static IApplicationBuilder UseHttpWorkflows(this IApplicationBuilder app) => app.UseMiddleware<HttpWorkflowsMiddleware>();
}

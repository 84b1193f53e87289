using ElsaM3.Cases.Http;
using ElsaM3.Identity;
using ElsaM3.M3pp.Activities.Integration;
using ElsaM3.Persistence;
using ElsaM3.Runtime;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ElsaM3.Server.Hosting;

/// <summary>
/// OpenTelemetry: ElsaM3's meters (cases accepted, M3 attempts by outcome and category, timers due, bursts, group
/// commit size and latency) with ASP.NET Core's and the .NET runtime's, scraped by Prometheus at <c>/metrics</c>
/// (an application with the role <c>metrics</c>, or an admin). Traces (bursts, M3 attempts, requests) are exported
/// over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and not collected otherwise.
/// </summary>
public static class Telemetry
{
    public const string MetricsPath = "/metrics";

    public static void AddElsaM3Telemetry(this IServiceCollection services, IConfiguration config)
    {
        var otlp = !string.IsNullOrWhiteSpace(config["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("ElsaM3",
                serviceInstanceId: config[$"{ElsaM3.Runtime.Coordination.NodeOptions.Section}:Name"] is { Length: > 0 } node ? node : Environment.MachineName))
            .WithMetrics(metrics => metrics
                .AddMeter(RuntimeMetrics.Name, PersistenceMetrics.Name, CaseMetrics.Name, M3Metrics.Name)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        if (otlp)
            telemetry.WithTracing(tracing => tracing
                .AddSource(RuntimeMetrics.Name, M3Metrics.Name)
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter());
    }

    public static void MapMetrics(this WebApplication app) =>
        app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(Roles.MetricsPolicy);
}

using System.Text.Json;
using ElsaM3.Runtime;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ElsaM3.Server.Hosting;

/// <summary>
/// ASP.NET Core health checks, anonymous (load balancers and orchestrators call them): <c>/health/live</c> (the
/// process answers), <c>/health/ready</c> (store reachable with its migrations applied, timer scheduler sweeping;
/// 503 otherwise) and <c>/health</c> (every check, plus whether the embedded simulators stand in for M3 and CXM).
/// Answers say which check failed and why in a sentence, never an exception.
/// </summary>
public static class HealthEndpoints
{
    public static void MapHealth(this WebApplication app)
    {
        var simulated = ElsaM3.Simulators.SimulatorOptions.From(app.Configuration).Enabled;
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = (context, report) => WriteAsync(context, report, simulated) }).AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = (context, report) => WriteAsync(context, report, null) })
            .AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthTags.Ready),
            ResponseWriter = (context, report) => WriteAsync(context, report, null),
        }).AllowAnonymous();
    }

    private static Task WriteAsync(HttpContext context, HealthReport report, bool? simulators)
    {
        context.Response.ContentType = "application/json";
        var body = new Dictionary<string, object?>
        {
            ["status"] = report.Status.ToString(),
            ["checks"] = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        if (simulators is not null) body["simulators"] = simulators;
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), context.RequestAborted);
    }
}

using System.Text.Json;
using ElsaM3.Simulators.Faults;
using Microsoft.Extensions.Options;

namespace ElsaM3.Simulators;

/// <summary>What both simulators share: the API key check, correlation ids and the fault-injection control endpoint.</summary>
public static class SimulatorApi
{
    /// <summary>
    /// Maps <c>/_control/faults</c> (and the simulator's own <paramref name="controls"/>) and returns the <c>/api/v1</c> group,
    /// all guarded by the API key; the API also by the faults.
    /// </summary>
    public static RouteGroupBuilder MapSimulatorApi(this IEndpointRouteBuilder routes, string prefix, FaultInjector faults,
        Action<RouteGroupBuilder>? controls = null)
    {
        var root = routes.MapGroup(prefix).ExcludeFromDescription();
        // Everything, the control routes included, needs the simulator's key.
        root.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var options = http.RequestServices.GetRequiredService<IOptions<SimulatorOptions>>().Value;
            return string.Equals(http.Request.Headers["X-Api-Key"], options.ApiKey, StringComparison.Ordinal)
                ? await next(context)
                : SimulatorErrors.Unauthorized(http);
        });
        root.MapPost("/_control/faults", (FaultRequest request, HttpContext http) =>
        {
            if (request.Kind is null || !FaultKinds.ByName.TryGetValue(request.Kind, out var kind))
                return SimulatorErrors.BadRequest(http, $"kind must be one of {string.Join(", ", FaultKinds.ByName.Keys)}.");
            if ((request.Next is null) == (request.Rate is null))
                return SimulatorErrors.BadRequest(http, "Give exactly one of next (a number of calls) or rate (0 to 1).");
            if (request.Next is < 1 || request.Rate is < 0 or > 1)
                return SimulatorErrors.BadRequest(http, "next must be at least 1; rate must be between 0 and 1.");
            faults.Add(new FaultRule { Kind = kind, Remaining = request.Next, Rate = request.Rate ?? 0, Method = request.Method, Path = request.Path });
            return Results.Ok(new { armed = faults.Rules.Count });
        });
        root.MapDelete("/_control/faults", () =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        root.MapGet("/_control/faults", () => Results.Ok(new { injected = faults.Injected, rules = faults.Rules.Count }));
        controls?.Invoke(root);

        var api = root.MapGroup("/api/v1");
        api.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            CorrelationIds.Of(http);
            var options = http.RequestServices.GetRequiredService<IOptions<SimulatorOptions>>().Value;
            var path = http.Request.Path.Value ?? "";
            switch (faults.FromHeaders(http.Request.Headers["X-Sim-Fault"], http.Request.Headers["X-Sim-Fault-Count"], http.Request.Headers["Idempotency-Key"])
                    ?? faults.Next(http.Request.Method, path))
            {
                case FaultKind.Transient503:
                    return SimulatorErrors.Transient(http, 503, "SERVICE_UNAVAILABLE", "Simulated fault: the service is unavailable.");
                case FaultKind.Transient429:
                    http.Response.Headers.RetryAfter = "1";
                    return SimulatorErrors.Transient(http, 429, "TOO_MANY_REQUESTS", "Simulated fault: too many requests.");
                case FaultKind.Internal500:
                    return SimulatorErrors.Transient(http, 500, "INTERNAL_ERROR", "Simulated fault: an internal error.");
                case FaultKind.Reset:
                    http.Abort();
                    return Results.Empty;
                case FaultKind.Timeout:
                    await HoldBackAsync(http, options);
                    return SimulatorErrors.Transient(http, 504, "GATEWAY_TIMEOUT", "Simulated fault: timed out.");
                case FaultKind.CommitThenTimeout:
                    await next(context);
                    await HoldBackAsync(http, options);
                    return SimulatorErrors.Transient(http, 504, "GATEWAY_TIMEOUT", "Simulated fault: timed out after committing.");
                default:
                    return await next(context);
            }
        });
        return api;
    }

    private static async Task HoldBackAsync(HttpContext http, SimulatorOptions options)
    {
        try
        {
            await Task.Delay(options.FaultTimeout, http.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The caller gave up, as a timeout fault intends.
        }
    }

    /// <summary>Reads a JSON body; <c>null</c> with a 400 answer when it is malformed.</summary>
    public static async Task<(T? Value, IResult? Error)> ReadBodyAsync<T>(HttpContext http) where T : class
    {
        try
        {
            var value = await http.Request.ReadFromJsonAsync<T>(JsonOptions, http.RequestAborted);
            if (value is System.Text.Json.Nodes.JsonObject node) _ = node.Count; // a JsonObject reads its properties (and finds a duplicate) on first use
            return value is null ? (null, SimulatorErrors.BadRequest(http, "The body must be a JSON object.")) : (value, null);
        }
        catch (JsonException e)
        {
            return (null, SimulatorErrors.BadRequest(http, $"The body is not valid JSON for this call: {e.Message}"));
        }
        catch (ArgumentException e)
        {
            return (null, SimulatorErrors.BadRequest(http, $"The body has a property twice: {e.Message}"));
        }
    }

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        AllowDuplicateProperties = false,
    };
}

public sealed record FaultRequest(string? Kind, int? Next, double? Rate, string? Method, string? Path);

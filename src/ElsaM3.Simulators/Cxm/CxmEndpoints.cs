using System.Text.Json.Nodes;
using ElsaM3.Simulators.Faults;
using ElsaM3.Simulators.M3pp;

namespace ElsaM3.Simulators.Cxm;

/// <summary>The CXM case API (read, patch, and PUT for seeding) over <see cref="CxmSimulator"/>.</summary>
public static class CxmEndpoints
{
    public static RouteGroupBuilder MapCxmSimulator(this IEndpointRouteBuilder routes, string prefix = "/simulators/cxm")
    {
        var simulator = routes.ServiceProvider.GetRequiredService<CxmSimulator>();
        var api = routes.MapSimulatorApi(prefix, routes.ServiceProvider.GetRequiredKeyedService<FaultInjector>(SimulatorNames.Cxm));

        api.MapGet("/health", () => Results.Ok(new { status = "ok", simulator = true }));
        api.MapGet("/cases", () => Results.Ok(new { items = simulator.All }));
        api.MapGet("/cases/{**reference}", (string reference, HttpContext http) => simulator.Find(reference) is { } found
            ? Results.Ok(found)
            : SimulatorErrors.NotFound(http, "CASE_NOT_FOUND", $"Case {reference} does not exist."));
        api.MapPut("/cases/{**reference}", async (string reference, HttpContext http) =>
        {
            var (body, error) = await SimulatorApi.ReadBodyAsync<JsonObject>(http);
            if (error is not null) return error;
            var errors = simulator.Put(reference, body!);
            return errors.Count > 0 ? SimulatorErrors.Validation(http, errors) : Results.Ok(simulator.Find(reference));
        });
        api.MapPatch("/cases/{**reference}", async (string reference, HttpContext http) =>
        {
            var (body, error) = await SimulatorApi.ReadBodyAsync<JsonObject>(http);
            if (error is not null) return error;
            var (updated, errors) = simulator.Patch(reference, body!);
            if (updated is null) return SimulatorErrors.NotFound(http, "CASE_NOT_FOUND", $"Case {reference} does not exist.");
            return errors.Count > 0 ? SimulatorErrors.Validation(http, errors) : Results.Ok(updated);
        });
        return api;
    }
}

using ElsaM3.Simulators.Cxm;
using ElsaM3.Simulators.Faults;
using ElsaM3.Simulators.M3pp;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ElsaM3.Simulators;

public static class ServiceCollectionExtensions
{
    /// <summary>Adds the M3PP and CXM simulators (their state, fault injectors and options).</summary>
    public static IServiceCollection AddSimulators(this IServiceCollection services)
    {
        services.AddOptions<SimulatorOptions>().BindConfiguration(SimulatorOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<M3ppSimulator>();
        services.AddSingleton<CxmSimulator>();
        services.AddKeyedSingleton<FaultInjector>(SimulatorNames.M3pp);
        services.AddKeyedSingleton<FaultInjector>(SimulatorNames.Cxm);
        return services;
    }

    /// <summary>Serves both simulators: <c>/simulators/m3pp/api/v1/…</c> and <c>/simulators/cxm/api/v1/…</c>.</summary>
    public static IEndpointRouteBuilder MapSimulators(this IEndpointRouteBuilder routes, string prefix = "/simulators")
    {
        routes.MapM3ppSimulator($"{prefix}/m3pp");
        routes.MapCxmSimulator($"{prefix}/cxm");
        return routes;
    }
}

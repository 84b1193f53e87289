using Microsoft.Extensions.DependencyInjection;

namespace ElsaM3.M3pp.Gateways;

public static class ServiceCollectionExtensions
{
    /// <summary>Adds the RestSharp HUBis and CXM gateways; the host supplies <see cref="IGatewayConnections"/>.</summary>
    public static IServiceCollection AddM3ppGateways(this IServiceCollection services)
    {
        services.AddHttpClient(RestM3ppGateway.ClientName);
        services.AddHttpClient(RestCxmGateway.ClientName);
        services.AddMemoryCache();
        services.AddSingleton<RestCaller>();
        services.AddSingleton<IM3ppGateway, RestM3ppGateway>();
        services.AddSingleton<ICxmGateway, RestCxmGateway>();
        return services;
    }
}

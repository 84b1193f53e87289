using Microsoft.Extensions.DependencyInjection;

namespace ElsaM3.M3pp.Gateways;

public static class ServiceCollectionExtensions
{
    /// <summary>Adds the RestSharp HUBis and CXM gateways; the host supplies <see cref="IGatewayConnections"/>.</summary>
    public static IServiceCollection AddM3ppGateways(this IServiceCollection services)
    {
        // Every call is already in the integration log and the journal: IHttpClientFactory's four log lines per call
        // (with the URL, which carries case data) would only repeat them.
        services.AddHttpClient(RestM3ppGateway.ClientName).RemoveAllLoggers();
        services.AddHttpClient(RestCxmGateway.ClientName).RemoveAllLoggers();
        services.AddMemoryCache();
        services.AddSingleton<RestCaller>();
        services.AddSingleton<IM3ppGateway, RestM3ppGateway>();
        services.AddSingleton<ICxmGateway, RestCxmGateway>();
        return services;
    }
}

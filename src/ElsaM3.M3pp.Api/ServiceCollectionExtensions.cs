using ElsaM3.M3pp.Activities.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaM3.M3pp.Api;

public static class ServiceCollectionExtensions
{
    /// <summary>What the M3 integration needs from an ASP.NET Core host: this server's own address for relative base URLs.</summary>
    public static IServiceCollection AddM3ppHosting(this IServiceCollection services) =>
        services.AddSingleton<ISelfAddress, ServerSelfAddress>();
}

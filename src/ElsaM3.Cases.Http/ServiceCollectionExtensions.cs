using ElsaM3.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaM3.Cases.Http;

public static class ServiceCollectionExtensions
{
    /// <summary>Adds the CXM Case Received trigger (it needs the HTTP workflows middleware).</summary>
    public static IServiceCollection AddCaseTrigger(this IServiceCollection services) => services.AddActivity<CxmCaseReceived>();
}

using ElsaM3.Cases.Http.TestCases;
using ElsaM3.Runtime.Testing;
using ElsaM3.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaM3.Cases.Http;

public static class ServiceCollectionExtensions
{
    /// <summary>Adds the CXM Case Received trigger (it needs the HTTP workflows middleware) and the Test tab's cases.</summary>
    public static IServiceCollection AddCaseTrigger(this IServiceCollection services)
    {
        services.AddOptions<TestCaseOptions>().BindConfiguration(TestCaseOptions.Section);
        services.AddSingleton<TestCaseCatalog>();
        services.AddSingleton<ITestInputSource>(sp => sp.GetRequiredService<TestCaseCatalog>());
        return services.AddActivity<CxmCaseReceived>();
    }
}

using ElsaM3.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaM3.Cases;

public static class ServiceCollectionExtensions
{
    /// <summary>Makes the workflow's CXM case visible to templates.</summary>
    public static IServiceCollection AddCaseTemplates(this IServiceCollection services) =>
        services.AddExpressionModelContributor<CaseExpressionModel>();
}

using Microsoft.Extensions.DependencyInjection;

namespace ElsaM3.Workflows.Scriban;

public static class ServiceCollectionExtensions
{
    /// <summary>Adds the <c>Scriban</c> and <c>Liquid</c> template syntaxes.</summary>
    public static IServiceCollection AddTemplateExpressions(this IServiceCollection services) =>
        services.AddExpressionEvaluator<ScribanEvaluator>().AddExpressionEvaluator<LiquidEvaluator>();
}

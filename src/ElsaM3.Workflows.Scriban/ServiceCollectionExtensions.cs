using Microsoft.Extensions.DependencyInjection;

namespace ElsaM3.Workflows.Scriban;

public static class ServiceCollectionExtensions
{
    /// <summary>Adds the <c>Scriban</c> and <c>Liquid</c> template syntaxes and their <c>json</c> function.</summary>
    public static IServiceCollection AddTemplateExpressions(this IServiceCollection services)
    {
        services.AddOptions<TemplateOptions>().BindConfiguration(TemplateOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<TemplateOptions>, TemplateOptionsValidator>();
        services.AddSingleton<IScriptFunctions, JsonFunction>();
        return services.AddExpressionEvaluator<ScribanEvaluator>().AddExpressionEvaluator<LiquidEvaluator>();
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace ElsaM3.Workflows.JavaScript;

public static class ServiceCollectionExtensions
{
    /// <summary>Adds the <c>JavaScript</c> expression syntax and the Run JavaScript activity.</summary>
    public static IServiceCollection AddJavaScriptExpressions(this IServiceCollection services, Action<JavaScriptOptions>? configure = null)
    {
        services.AddOptions<JavaScriptOptions>().BindConfiguration(JavaScriptOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<JavaScriptOptions>, JavaScriptOptionsValidator>();
        if (configure is not null) services.Configure(configure);
        return services.AddExpressionEvaluator<JavaScriptEvaluator>().AddActivity<Activities.RunJavaScript>();
    }
}

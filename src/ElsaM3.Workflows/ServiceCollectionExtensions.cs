using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Descriptors;
using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.Expressions;
using ElsaM3.Workflows.Primitives;
using ElsaM3.Workflows.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ElsaM3.Workflows;

public static class ServiceCollectionExtensions
{
    /// <summary>Adds the runtime: registry, serializer, runner, the simple expression syntaxes and the built-in activities.</summary>
    public static IServiceCollection AddElsaM3Workflows(this IServiceCollection services, Action<WorkflowRuntimeOptions>? configure = null)
    {
        services.AddOptions<WorkflowRuntimeOptions>().BindConfiguration(WorkflowRuntimeOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Options.IValidateOptions<WorkflowRuntimeOptions>, WorkflowRuntimeOptionsValidator>());
        if (configure is not null) services.Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WorkflowConsole>();
        services.TryAddSingleton<ActivityRegistry>();
        services.TryAddSingleton<WorkflowDefinitionSerializer>();
        services.TryAddSingleton<WorkflowRunner>();

        services.AddExpressionEvaluator<LiteralEvaluator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExpressionEvaluator>(new ObjectEvaluator("Object")));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExpressionEvaluator>(new ObjectEvaluator("Json")));
        services.AddExpressionEvaluator<VariableEvaluator>();
        services.AddExpressionEvaluator<InputEvaluator>();

        services.AddActivity<Start>().AddActivity<End>().AddActivity<Finish>().AddActivity<Fault>()
            .AddActivity<WriteLine>().AddActivity<SetVariable>()
            .AddActivity<FlowDecision>().AddActivity<FlowSwitch>().AddActivity<FlowFork>().AddActivity<FlowJoin>()
            .AddActivity<Delay>().AddActivity<Correlate>().AddActivity<SetName>().AddActivity<SetOutput>().AddActivity<Complete>()
            .AddActivity<Event>().AddActivity<Scheduling.Timer>().AddActivity<Scheduling.Cron>().AddActivity<Scheduling.StartAt>()
            .AddActivity<FlowNode>().AddActivity<Looping.ForEach>().AddActivity<Looping.ParallelForEach>().AddActivity<Looping.While>().AddActivity<Looping.Break>();
        return services;
    }

    /// <summary>Registers an activity class; its type name comes from its <see cref="ActivityAttribute"/>.</summary>
    public static IServiceCollection AddActivity<TActivity>(this IServiceCollection services) where TActivity : IActivity
    {
        services.AddSingleton(new ActivityRegistration(typeof(TActivity)));
        return services;
    }

    public static IServiceCollection AddExpressionEvaluator<TEvaluator>(this IServiceCollection services) where TEvaluator : class, IExpressionEvaluator
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExpressionEvaluator, TEvaluator>());
        return services;
    }

    public static IServiceCollection AddExpressionModelContributor<TContributor>(this IServiceCollection services) where TContributor : class, IExpressionModelContributor
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExpressionModelContributor, TContributor>());
        return services;
    }
}

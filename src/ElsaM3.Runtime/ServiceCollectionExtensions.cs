using Microsoft.Extensions.Options;
using ElsaM3.Runtime.Definitions;
using ElsaM3.Runtime.Instances;
using ElsaM3.Runtime.Recovery;
using ElsaM3.Runtime.Retention;
using ElsaM3.Runtime.Scheduling;
using ElsaM3.Runtime.Triggers;
using ElsaM3.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ElsaM3.Runtime;

public static class ServiceCollectionExtensions
{
    /// <summary>Adds stored-workflow services, the timer scheduler, crash recovery and retention. A store must be added too.</summary>
    public static IServiceCollection AddElsaM3Runtime(this IServiceCollection services)
    {
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SchedulingOptions>, SchedulingOptionsValidator>();
        services.AddSingleton<WorkflowGraphCache>();
        services.AddSingleton<TriggerIndex>();
        services.AddSingleton<WorkflowDefinitionService>();
        services.AddSingleton<ScheduledTriggerArming>();
        services.AddSingleton<InstanceLocks>();
        services.AddSingleton<InstanceAccess>();
        services.TryAddSingleton<Coordination.INodeLocks, Coordination.ProcessLocks>();
        services.TryAddSingleton<Coordination.INodeBroadcast, Coordination.SingleNodeBroadcast>();
        services.AddSingleton<Coordination.IdSlot>();
        services.AddHostedService(sp => sp.GetRequiredService<Coordination.IdSlot>());
        services.AddOptions<Coordination.NodeOptions>().BindConfiguration(Coordination.NodeOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Name) && o.Name.Length <= Coordination.NodeOptions.MaxNameLength,
                $"{Coordination.NodeOptions.Section}:Name must be 1 to {Coordination.NodeOptions.MaxNameLength} characters.")
            .ValidateOnStart();
        services.AddSingleton<TimerSignal>();
        services.AddSingleton<WorkflowInstanceService>();
        services.AddSingleton<BackgroundWorkQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundWorkQueue>());
        services.AddSingleton<DelayScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<DelayScheduler>());
        services.AddHealthChecks().AddCheck<SchedulerHealthCheck>(SchedulerHealthCheck.Name, tags: [HealthTags.Ready]);
        services.AddHostedService<RecoveryService>();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>();
        services.AddHostedService<RetentionSweeper>();
        services.AddSingleton<ChildWorkflows.ChildWorkflowStarter>();
        services.AddActivity<ChildWorkflows.ExecuteWorkflow>().AddActivity<ChildWorkflows.DispatchWorkflow>();
        services.AddSingleton<Events.EventPublisher>();
        services.AddSingleton<Events.EventRateLimit>();
        services.AddSingleton<Budgets.TriggerSuspensions>();
        services.AddActivity<Events.PublishEvent>();
        return services;
    }
}

using ElsaM3.M3pp.Activities.Retry;
using ElsaM3.M3pp.Activities.Activities;
using ElsaM3.M3pp.Activities.Changes;
using ElsaM3.M3pp.Activities.Integration;
using ElsaM3.M3pp.Activities.Settings;
using ElsaM3.M3pp.Activities.Templates;
using ElsaM3.M3pp.Gateways;
using ElsaM3.Workflows;
using ElsaM3.Workflows.Scriban;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ElsaM3.M3pp.Activities;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds the M3PP/Assure activities (the six, the two watches and Update Case), the change poller, the <c>m3</c> template helpers, the settings and the gateways.
    /// The host supplies <see cref="ISelfAddress"/> and may add defaults to <c>ElsaM3:M3pp</c>.
    /// </summary>
    public static IServiceCollection AddM3ppActivities(this IServiceCollection services)
    {
        services.AddOptions<M3ppSettings>().BindConfiguration(M3ppSettings.Section)
            .Validate(o => o.Timeout > TimeSpan.Zero && o.Timeout <= TimeSpan.FromMinutes(10), $"{M3ppSettings.Section}:Timeout must be longer than zero and at most 10 minutes.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ExternalReferenceField), $"{M3ppSettings.Section}:ExternalReferenceField must name a worksheet field.")
            .Validate(o => o.PollInterval >= M3ppSettings.MinPollInterval && o.PollInterval <= M3ppSettings.MaxPollInterval,
                $"{M3ppSettings.Section}:PollInterval must be between {M3ppSettings.MinPollInterval} and {M3ppSettings.MaxPollInterval}.")
            .Validate(o => Enum.IsDefined(o.ChangeStrategy), $"{M3ppSettings.Section}:ChangeStrategy must be FeedElsePoll, Feed or Poll.")
            .ValidateOnStart();
        services.AddOptions<IntegrationRetryOptions>().BindConfiguration(IntegrationRetryOptions.Section)
            .Validate(o => o.MaxAttempts >= 1 && o.Delays.All(d => d >= TimeSpan.Zero),
                $"{IntegrationRetryOptions.Section}: MaxAttempts must be at least 1 and no delay may be negative.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddM3ppGateways();
        services.AddSingleton<M3ppSettingsService>();
        services.AddSingleton<IGatewayConnections>(sp => sp.GetRequiredService<M3ppSettingsService>());
        services.AddSingleton<M3ppServices>();
        services.AddSingleton<ElsaM3.Workflows.Descriptors.IResilienceStrategySource, M3ppResilienceStrategies>();
        services.AddSingleton<IScriptFunctions, M3TemplateFunctions>();
        services.AddSingleton<ElsaM3.Workflows.Descriptors.IInputOptionsProvider, M3CodeOptions>();
        services.AddSingleton<ElsaM3.Runtime.Definitions.IDefinitionAdvisor, M3DefinitionAdvisor>();
        services.AddSingleton<ChangeCursorStore>();
        services.AddSingleton<ChangeDelivery>();
        services.AddSingleton<RecordPolling>();
        services.AddSingleton<ChangePoller>();
        services.AddHostedService(sp => sp.GetRequiredService<ChangePoller>());
        return services
            .AddActivity<CreateWorksheet>()
            .AddActivity<CreateAsset>()
            .AddActivity<UpdateAttributeByProperty>()
            .AddActivity<UpdateAttributeByKeys>()
            .AddActivity<PullBackWorksheet>()
            .AddActivity<PullBackAsset>()
            .AddActivity<WatchWorksheet>()
            .AddActivity<WatchAsset>()
            .AddActivity<UpdateCase>();
    }
}

using ElsaM3.Persistence.Sqlite;
using ElsaM3.Persistence.Stores;
using ElsaM3.Runtime.Definitions;
using ElsaM3.Runtime.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ElsaM3.Persistence;

public static class ServiceCollectionExtensions
{
    /// <summary>Adds the SQLite store. Call <see cref="StoreInitializer.InitializeAsync"/> before use.</summary>
    public static IServiceCollection AddElsaM3Persistence(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .Configure<Microsoft.Extensions.Configuration.IConfiguration>((o, config) => o.ConnectionString ??= config["ConnectionStrings:ElsaM3"])
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory), $"{StorageOptions.Section}:DataDirectory must name a folder.")
            .ValidateOnStart();
        services.AddPooledDbContextFactory<ElsaM3DbContext>((sp, options) => options
            .UseSqlite(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ResolveConnectionString())
            .AddInterceptors(new SqlitePragmas()));
        services.AddSingleton<CommitWriter>();
        services.AddSingleton<IWorkflowDefinitionStore, EfWorkflowDefinitionStore>();
        services.AddSingleton<IWorkflowInstanceStore, EfWorkflowInstanceStore>();
        services.AddSingleton<ElsaM3.Runtime.IntegrationLog.IIntegrationLog, EfIntegrationLog>();
        services.AddSingleton<ElsaM3.Runtime.Settings.ISettingsStore, EfSettingsStore>();
        services.AddSingleton<ElsaM3.Audit.IAuditTrail, EfAuditTrail>();
        services.AddSingleton<StoreInitializer>();
        services.AddHealthChecks().AddCheck<Health.StoreHealthCheck>(Health.StoreHealthCheck.Name, tags: [ElsaM3.Runtime.HealthTags.Ready]);
        return services;
    }
}

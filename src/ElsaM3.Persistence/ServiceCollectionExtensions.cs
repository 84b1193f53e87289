using ElsaM3.Persistence.Sqlite;
using ElsaM3.Persistence.Stores;
using ElsaM3.Runtime.Definitions;
using ElsaM3.Runtime.Instances;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ElsaM3.Persistence;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds the store on the configured provider (SQLite by default, or PostgreSQL). Call
    /// <see cref="StoreInitializer.InitializeAsync"/> before use.
    /// </summary>
    public static IServiceCollection AddElsaM3Persistence(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .Configure<Microsoft.Extensions.Configuration.IConfiguration>((o, config) => o.ConnectionString ??= config["ConnectionStrings:ElsaM3"])
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory), $"{StorageOptions.Section}:DataDirectory must name a folder.")
            .Validate(o => Enum.IsDefined(o.Provider), $"{StorageOptions.Section}:Provider must be Sqlite or PostgreSql.")
            .Validate(o => o.Provider != StorageProvider.PostgreSql || !string.IsNullOrWhiteSpace(o.ConnectionString),
                $"{StorageOptions.Section}:Provider PostgreSql needs ConnectionStrings:ElsaM3 (e.g. Host=db;Database=elsam3;Username=elsam3).")
            .ValidateOnStart();
        services.AddSingleton(sp => NpgsqlDataSource.Create(Storage(sp).ResolveConnectionString()));
        services.AddPooledDbContextFactory<ElsaM3DbContext>((sp, options) =>
        {
            if (OnPostgreSql(sp))
                options.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>(), o => o.MigrationsAssembly(PostgreSql.PostgreSqlMigrations.Assembly));
            else
                options.UseSqlite(Storage(sp).ResolveConnectionString()).AddInterceptors(new SqlitePragmas());
        });
        // Data Protection's key ring is shared by every node in the database on PostgreSQL (read through a scoped context);
        // one node keeps it in its data folder (owner-only).
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<ElsaM3DbContext>>().CreateDbContext());
        services.AddOptions<KeyManagementOptions>().Configure<ILoggerFactory, IServiceProvider>((keys, logging, sp) =>
            keys.XmlRepository = OnPostgreSql(sp)
                ? new EntityFrameworkCoreXmlRepository<ElsaM3DbContext>(sp, logging)
                : new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(Path.GetFullPath(Storage(sp).DataDirectory), "keys")), logging));
        services.AddSingleton<ICommitStore>(sp => OnPostgreSql(sp)
            ? new PostgreSql.PostgreSqlCommitStore(sp.GetRequiredService<NpgsqlDataSource>())
            : new SqliteCommitStore(Storage(sp).ResolveConnectionString()));
        services.AddSingleton<CommitWriter>();
        services.AddSingleton<ITimerClaims>(sp => OnPostgreSql(sp)
            ? new PostgreSql.PostgreSqlTimerClaims(sp.GetRequiredService<NpgsqlDataSource>())
            : new SqliteTimerClaims(sp.GetRequiredService<IDbContextFactory<ElsaM3DbContext>>()));
        // Instance bursts and singleton jobs are locked across every node on a shared PostgreSQL database.
        services.Replace(ServiceDescriptor.Singleton<ElsaM3.Runtime.Coordination.INodeLocks>(sp => OnPostgreSql(sp)
            ? new PostgreSql.PostgreSqlNodeLocks(sp.GetRequiredService<NpgsqlDataSource>())
            : new ElsaM3.Runtime.Coordination.ProcessLocks()));
        // Publishing and settings saved on one node reach the caches of the others through LISTEN/NOTIFY.
        services.AddSingleton<PostgreSql.PostgreSqlBroadcast>();
        services.Replace(ServiceDescriptor.Singleton<ElsaM3.Runtime.Coordination.INodeBroadcast>(sp => OnPostgreSql(sp)
            ? sp.GetRequiredService<PostgreSql.PostgreSqlBroadcast>()
            : new ElsaM3.Runtime.Coordination.SingleNodeBroadcast()));
        services.AddSingleton<IHostedService>(sp => OnPostgreSql(sp) ? sp.GetRequiredService<PostgreSql.PostgreSqlBroadcast>() : new NothingToRun());
        // Generated credentials hold for every node: in the database on PostgreSQL, in the data folder on the embedded store.
        // Seen request signatures and signed-in sessions are kept in the store on either, so they outlive a restart.
        services.Replace(ServiceDescriptor.Singleton<ElsaM3.Identity.Secrets.IGeneratedSecretStore>(sp => OnPostgreSql(sp)
            ? ActivatorUtilities.CreateInstance<DatabaseSecretStore>(sp)
            : ActivatorUtilities.CreateInstance<ElsaM3.Identity.Secrets.FileSecretStore>(sp)));
        services.Replace(ServiceDescriptor.Singleton<ElsaM3.Identity.Applications.ISignatureReplayGuard>(sp => OnPostgreSql(sp)
            ? ActivatorUtilities.CreateInstance<PostgreSql.PostgreSqlReplayGuard>(sp)
            : ActivatorUtilities.CreateInstance<SqliteReplayGuard>(sp)));
        services.Replace(ServiceDescriptor.Singleton<ElsaM3.Identity.Sessions.IUserSessionStore, EfUserSessionStore>());
        services.AddSingleton<IWorkflowDefinitionStore, EfWorkflowDefinitionStore>();
        services.AddSingleton<IWorkflowInstanceStore, EfWorkflowInstanceStore>();
        services.AddSingleton<ElsaM3.Runtime.IntegrationLog.IIntegrationLog, EfIntegrationLog>();
        services.AddSingleton<ElsaM3.Runtime.Settings.ISettingsStore, EfSettingsStore>();
        services.AddSingleton<ElsaM3.Audit.IAuditTrail, EfAuditTrail>();
        services.AddSingleton<StoreInitializer>();
        services.AddHealthChecks().AddCheck<Health.StoreHealthCheck>(Health.StoreHealthCheck.Name, tags: [ElsaM3.Runtime.HealthTags.Ready]);
        return services;
    }

    private sealed class NothingToRun : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static StorageOptions Storage(IServiceProvider services) => services.GetRequiredService<IOptions<StorageOptions>>().Value;

    private static bool OnPostgreSql(IServiceProvider services) => Storage(services).Provider == StorageProvider.PostgreSql;
}

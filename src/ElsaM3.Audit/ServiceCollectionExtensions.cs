using Microsoft.Extensions.DependencyInjection;

namespace ElsaM3.Audit;

public static class ServiceCollectionExtensions
{
    /// <summary>Adds the recorder and the retention sweep, bound to <c>ElsaM3:Audit</c>; a store must register <see cref="IAuditTrail"/>.</summary>
    public static IServiceCollection AddAuditTrail(this IServiceCollection services)
    {
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section)
            .Validate(o => o.Retention is null || o.Retention > TimeSpan.Zero, "ElsaM3:Audit:Retention must be longer than zero when set.")
            .Validate(o => o.SweepInterval > TimeSpan.Zero && o.SweepInterval <= TimeSpan.FromDays(30), "ElsaM3:Audit:SweepInterval must be longer than zero and at most 30 days.")
            .Validate(o => o.PageSize > 0, "ElsaM3:Audit:PageSize must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<AuditRecorder>();
        services.AddHostedService<AuditRetentionSweeper>();
        return services;
    }
}

using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ElsaM3.Runtime.Scheduling;

/// <summary>
/// Healthy while the timer scheduler keeps sweeping: its last sweep is recent (it sweeps at least once per poll
/// interval). A scheduler that stopped would leave every M3 attempt and delay waiting for ever.
/// </summary>
public sealed class SchedulerHealthCheck(DelayScheduler scheduler, TimeProvider time, IOptions<SchedulingOptions> options) : IHealthCheck
{
    public const string Name = "scheduler";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var allowed = TimeSpan.FromTicks(Math.Max(options.Value.PollInterval.Ticks * 10, TimeSpan.FromSeconds(30).Ticks));
        var last = scheduler.LastSweepAt;
        if (last is null) return Task.FromResult(HealthCheckResult.Degraded("The timer scheduler has not swept yet (the server is starting)."));
        var age = time.GetUtcNow() - last.Value;
        return Task.FromResult(age <= allowed
            ? HealthCheckResult.Healthy($"Last timer sweep {age.TotalSeconds:0.#} s ago.")
            : HealthCheckResult.Unhealthy($"No timer sweep for {age.TotalSeconds:0} s."));
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ElsaM3.Audit;

/// <summary>Deletes audit entries older than <see cref="AuditOptions.Retention"/>, a page per transaction; does nothing when no period is set.</summary>
internal sealed partial class AuditRetentionSweeper(IAuditTrail trail, IOptions<AuditOptions> options, TimeProvider clock, ILogger<AuditRetentionSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.Retention is not { } retention) return;
        using var timer = new PeriodicTimer(settings.SweepInterval, clock);
        do
        {
            try
            {
                var deleted = 0;
                int page;
                do deleted += page = await trail.DeleteOlderThanAsync(clock.GetUtcNow() - retention, settings.PageSize, stoppingToken);
                while (page == settings.PageSize);
                if (deleted > 0) LogSwept(logger, deleted);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Information, "Audit retention deleted {Count} entries")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(LogLevel.Error, "Audit retention sweep failed; it runs again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}

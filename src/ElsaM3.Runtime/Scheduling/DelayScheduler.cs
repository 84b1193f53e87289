using ElsaM3.Runtime.Instances;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ElsaM3.Runtime.Scheduling;

/// <summary>
/// Resumes timer bookmarks (<c>Delay</c>) when they fall due. Timers live in the store, so they survive
/// restarts: a timer that fell due while the server was down is resumed on the first sweep.
/// </summary>
public sealed partial class DelayScheduler(
    IWorkflowInstanceStore store,
    WorkflowInstanceService instances,
    TimerSignal signal,
    TimeProvider time,
    IOptions<SchedulingOptions> options,
    ILogger<DelayScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var resumed = await SweepAsync(settings.BatchSize, stoppingToken);
                if (resumed == settings.BatchSize) continue;
                var next = await store.NextResumeAtAsync(stoppingToken);
                var wait = next is null ? settings.PollInterval : next.Value - time.GetUtcNow();
                if (wait > settings.PollInterval) wait = settings.PollInterval;
                if (wait > TimeSpan.Zero) await signal.WaitAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogSweepFailed(e);
                await Task.Delay(settings.PollInterval, time, stoppingToken);
            }
        }
    }

    /// <summary>Resumes every due timer (up to <paramref name="batchSize"/>); returns how many were due.</summary>
    public async Task<int> SweepAsync(int batchSize, CancellationToken cancellationToken)
    {
        var due = await store.FindDueBookmarksAsync(time.GetUtcNow(), batchSize, cancellationToken);
        foreach (var bookmark in due)
        {
            try
            {
                await instances.ResumeAsync(bookmark.WorkflowInstanceId, bookmark.Id, null, null, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogResumeFailed(e, bookmark.WorkflowInstanceId);
            }
        }
        return due.Count;
    }

    [LoggerMessage(LogLevel.Error, "The timer sweep failed.")]
    private partial void LogSweepFailed(Exception exception);

    [LoggerMessage(LogLevel.Error, "Resuming a timer of workflow instance {InstanceId} failed.")]
    private partial void LogResumeFailed(Exception exception, string instanceId);
}

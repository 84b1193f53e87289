using System.Diagnostics;
using ElsaM3.Runtime.Instances;
using ElsaM3.Workflows.Execution;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ElsaM3.Runtime.Retention;

/// <summary>
/// Keeps the store from growing without bound: on a timer, deletes ended instances and integration log entries older
/// than the periods in <see cref="RetentionOptions"/>, a page at a time, oldest first. Running and suspended
/// instances are never touched.
/// </summary>
public sealed partial class RetentionSweeper(
    IWorkflowInstanceStore instances,
    IntegrationLog.IIntegrationLog integrationLog,
    IOptions<RetentionOptions> options,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    Coordination.INodeLocks nodeLocks,
    ILogger<RetentionSweeper> logger) : BackgroundService
{
    /// <summary>The singleton job's lock name across nodes.</summary>
    public const string JobName = "elsam3:job:retention";

    private static readonly WorkflowSubStatus[] Finished = [WorkflowSubStatus.Finished, WorkflowSubStatus.Cancelled];
    private static readonly WorkflowSubStatus[] Faulted = [WorkflowSubStatus.Faulted];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.FinishedInstances is null && settings.FaultedInstances is null && settings.IntegrationLog is null) return;
        if (!await lifetime.WaitForStartAsync(stoppingToken)) return;

        using var timer = new PeriodicTimer(settings.SweepInterval, clock);
        do
        {
            try
            {
                // One node sweeps at a time; the others skip this round.
                await using var job = await nodeLocks.TryAcquireAsync(JobName, stoppingToken);
                if (job is not null) await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One sweep: deletes everything past its period, page by page; returns what went.</summary>
    public async Task<RetentionSweep> SweepAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var finished = await DeleteInstancesAsync(Finished, now - settings.FinishedInstances, settings.PageSize, cancellationToken);
        var faulted = await DeleteInstancesAsync(Faulted, now - settings.FaultedInstances, settings.PageSize, cancellationToken);
        var logEntries = await DeleteLogEntriesAsync(now - settings.IntegrationLog, settings.PageSize, cancellationToken);
        if (finished + faulted + logEntries > 0) LogSwept(finished, faulted, logEntries);
        return new RetentionSweep(finished, faulted, logEntries);
    }

    private Task<int> DeleteInstancesAsync(WorkflowSubStatus[] subStatuses, DateTimeOffset? endedBefore, int pageSize, CancellationToken cancellationToken) =>
        endedBefore is not { } cutoff ? Task.FromResult(0) : DeleteInPagesAsync(async () =>
        {
            var ids = await instances.FindEndedBeforeAsync(subStatuses, cutoff, pageSize, cancellationToken);
            return (ids.Count, ids.Count == 0 ? 0 : await instances.DeleteAsync(ids, cancellationToken));
        }, pageSize, cancellationToken);

    private Task<int> DeleteLogEntriesAsync(DateTimeOffset? olderThan, int pageSize, CancellationToken cancellationToken) =>
        olderThan is not { } cutoff ? Task.FromResult(0) : DeleteInPagesAsync(async () =>
        {
            var deleted = await integrationLog.DeleteOlderThanAsync(cutoff, pageSize, cancellationToken);
            return (deleted, deleted);
        }, pageSize, cancellationToken);

    /// <summary>Deletes page after page until one comes back short; returns how many rows went.</summary>
    private static async Task<int> DeleteInPagesAsync(Func<Task<(int Found, int Deleted)>> deletePage, int pageSize, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            var (found, deleted) = await deletePage();
            total += deleted;
            if (found < pageSize) return total;
            // Deletes share the store's one writer with live commits: rest as long as the page took, so a large
            // backlog (retention switched on over a million instances) never takes more than half of the writer.
            await Task.Delay(Stopwatch.GetElapsedTime(started), cancellationToken);
        }
    }

    [LoggerMessage(LogLevel.Information, "Retention: deleted {Finished} finished and {Faulted} faulted instance(s) and {LogEntries} integration log entries.")]
    private partial void LogSwept(int finished, int faulted, int logEntries);

    [LoggerMessage(LogLevel.Warning, "Retention sweep failed; it runs again at the next interval.")]
    private partial void LogSweepFailed(Exception exception);
}

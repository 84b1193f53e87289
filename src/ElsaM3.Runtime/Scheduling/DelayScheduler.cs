using System.Collections.Concurrent;
using ElsaM3.Runtime.Instances;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ElsaM3.Runtime.Scheduling;

/// <summary>
/// Resumes timer bookmarks (<c>Delay</c>, background integration attempts) when they fall due. Timers live in the
/// store, so they survive restarts: a timer that fell due while the server was down is resumed on the first sweep.
/// Due timers are resumed side by side (up to <see cref="SchedulingOptions.MaxConcurrentResumes"/>), one instance at a
/// time: while an instance is being resumed its other due timers wait (the resume runs them itself when they fall due
/// during it), and the sweeps go on while slow resumes run.
/// </summary>
public sealed partial class DelayScheduler(
    IWorkflowInstanceStore store,
    WorkflowInstanceService instances,
    TimerSignal signal,
    TimeProvider time,
    IOptions<SchedulingOptions> options,
    IOptions<Coordination.NodeOptions> node,
    IHostApplicationLifetime lifetime,
    ILogger<DelayScheduler> logger) : BackgroundService
{
    /// <summary>The resumes under way, by workflow instance id.</summary>
    private readonly ConcurrentDictionary<string, Task> _running = new();
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.MaxConcurrentResumes));
    private long _lastSweepTicks;

    /// <summary>When the last sweep for due timers finished (for the health check); <c>null</c> before the first.</summary>
    public DateTimeOffset? LastSweepAt => Interlocked.Read(ref _lastSweepTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        // Resumes may call this host's own endpoints (the embedded simulators): wait until it listens.
        if (!await lifetime.WaitForStartAsync(stoppingToken)) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var started = await SweepAsync(settings.BatchSize, stoppingToken);
                if (started > 0 && _running.Count < settings.MaxConcurrentResumes) continue;
                var next = await store.NextResumeAtAsync(time.GetUtcNow(), stoppingToken);
                var wait = next is null ? settings.PollInterval : next.Value - time.GetUtcNow();
                if (wait > settings.PollInterval) wait = settings.PollInterval;
                if (wait > TimeSpan.Zero || _running.Count >= settings.MaxConcurrentResumes)
                    await signal.WaitAsync(wait > TimeSpan.Zero ? wait : settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                LogSweepFailed(e);
                await Task.Delay(settings.PollInterval, time, stoppingToken);
            }
        }
        await Task.WhenAll(_running.Values);
    }

    /// <summary>Claims due timers and starts resuming each not already being resumed (up to <paramref name="batchSize"/>); returns how many it started.</summary>
    public async Task<int> SweepAsync(int batchSize, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await store.ClaimDueTimersAsync(new TimerClaim(node.Value.Name, now, options.Value.ClaimLease), batchSize, cancellationToken);
        Interlocked.Exchange(ref _lastSweepTicks, now.UtcTicks);
        RuntimeMetrics.RecordSweep(due.Count);
        var started = 0;
        foreach (var timer in due)
        {
            if (_running.ContainsKey(timer.WorkflowInstanceId)) continue;
            await _slots.WaitAsync(cancellationToken);
            // Claimed before the resume starts, so a fast resume's clean-up cannot run ahead of the claim.
            _running[timer.WorkflowInstanceId] = Task.CompletedTask;
            _running.TryUpdate(timer.WorkflowInstanceId, ResumeAsync(timer, cancellationToken), Task.CompletedTask);
            started++;
        }
        return started;
    }

    private async Task ResumeAsync(DueTimer timer, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            var bursts = await instances.ResumeDueTimersAsync(timer.WorkflowInstanceId, timer.BookmarkId, cancellationToken);
            RuntimeMetrics.TimersResumed.Add(Math.Max(1, bursts));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the timer stays in the store and is resumed after the restart.
        }
        catch (OperationCanceledException)
        {
            // Someone cancelled the instance while its burst ran; the cancel commits the instance, nothing is lost.
            LogBurstCancelled(timer.WorkflowInstanceId);
        }
        catch (Exception e)
        {
            LogResumeFailed(e, timer.WorkflowInstanceId);
        }
        finally
        {
            _running.TryRemove(timer.WorkflowInstanceId, out _);
            _slots.Release();
            signal.Wake();
        }
    }

    [LoggerMessage(LogLevel.Error, "The timer sweep failed.")]
    private partial void LogSweepFailed(Exception exception);

    [LoggerMessage(LogLevel.Information, "Workflow instance {InstanceId} was cancelled while its timer's burst ran; the burst stopped.")]
    private partial void LogBurstCancelled(string instanceId);

    [LoggerMessage(LogLevel.Error, "Resuming a timer of workflow instance {InstanceId} failed.")]
    private partial void LogResumeFailed(Exception exception, string instanceId);
}

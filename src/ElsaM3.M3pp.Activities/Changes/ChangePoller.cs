using ElsaM3.M3pp.Activities.Settings;
using ElsaM3.M3pp.Errors;
using ElsaM3.M3pp.Gateways;
using ElsaM3.M3pp.Identifiers;
using Microsoft.Extensions.Hosting;
using ElsaM3.Runtime;
using Microsoft.Extensions.Logging;

namespace ElsaM3.M3pp.Activities.Changes;

/// <summary>
/// Brings changes made in M3 to the workflows watching them, once per poll interval, by the connection's strategy
/// (<see cref="ChangeStrategy"/>). The feed is read from the stored cursor, page by page; the cursor moves on only after
/// the page's changes are delivered and committed. Where the feed has none (404) the watched records are polled; an
/// expired cursor (410) polls everything watched, then carries on from the newest change. Failures wait for the next round.
/// </summary>
public sealed partial class ChangePoller(
    M3ppSettingsService settings,
    IM3ppGateway m3,
    ChangeCursorStore cursors,
    ChangeDelivery delivery,
    RecordPolling polling,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ElsaM3.Runtime.Coordination.INodeLocks nodeLocks,
    ILogger<ChangePoller> logger) : BackgroundService
{
    /// <summary>The singleton job's lock name across nodes.</summary>
    public const string JobName = "elsam3:job:m3-changes";

    /// <summary>Changes asked for per feed page (the most the feed gives).</summary>
    public const int PageSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // HUBis may be this host's own embedded simulator: wait until it listens.
        if (!await lifetime.WaitForStartAsync(stoppingToken)) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var current = await settings.GetAsync(stoppingToken);
            try
            {
                // One node reads the changes at a time (one cursor); the others skip this round.
                await using var job = current.Enabled && settings.ConfigurationProblem(current) is null
                    ? await nodeLocks.TryAcquireAsync(JobName, stoppingToken) : null;
                if (job is not null) await RunRoundAsync(current.ChangeStrategy, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogRoundFailed(e);
            }
            await Task.Delay(current.PollInterval, time, stoppingToken);
        }
    }

    /// <summary>One round: reads the feed to its end, or polls what is watched. Returns how many watches were resumed.</summary>
    public async Task<int> RunRoundAsync(ChangeStrategy strategy, CancellationToken cancellationToken)
    {
        using var span = Integration.M3Metrics.Source.StartActivity("m3.changes.round");
        span?.SetTag("elsam3.m3.change_strategy", strategy.ToString());
        var started = time.GetTimestamp();
        try
        {
            return strategy == ChangeStrategy.Poll ? await polling.PollAsync(cancellationToken) : await ReadFeedAsync(strategy, cancellationToken);
        }
        finally
        {
            Integration.M3Metrics.ChangeRoundDuration.Record(time.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("strategy", strategy.ToString()));
        }
    }

    private async Task<int> ReadFeedAsync(ChangeStrategy strategy, CancellationToken cancellationToken)
    {

        if (await cursors.GetAsync(cancellationToken) is not { } cursor)
        {
            // First round on this store: every watch read its record when it began, so only what happens from now on matters.
            if (await NewestAsync(cancellationToken) is { } newest) await cursors.SetAsync(newest, cancellationToken);
            return 0;
        }
        var resumed = 0;
        while (true)
        {
            var page = await m3.ReadChangesAsync(cursor, PageSize, cancellationToken);
            if (!page.IsSuccess) return resumed + await FeedFailedAsync(page.Error, strategy, cancellationToken);
            var changes = page.Value.Items.Select(RecordChange.FromFeed).OfType<RecordChange>().ToList();
            Integration.M3Metrics.ChangesRead.Add(page.Value.Items.Count);
            resumed += await delivery.DeliverAsync(changes, cancellationToken);
            if (ChangeCursor.TryParse(page.Value.Next, out var next) && next.IsAfter(cursor))
            {
                await cursors.SetAsync(next, cancellationToken);
                cursor = next;
            }
            if (page.Value.Items.Count < PageSize) return resumed;
        }
    }

    private async Task<int> FeedFailedAsync(M3Error error, ChangeStrategy strategy, CancellationToken cancellationToken)
    {
        if (error.IsCursorExpired)
        {
            LogCursorExpired();
            var newest = await NewestAsync(cancellationToken);
            var resumed = await polling.PollAsync(cancellationToken);
            if (newest is { } cursor) await cursors.SetAsync(cursor, cancellationToken);
            return resumed;
        }
        if (error.Category == M3ErrorCategory.NotFound && strategy == ChangeStrategy.FeedElsePoll) return await polling.PollAsync(cancellationToken);
        LogFeedFailed(error.Category.Name(), error.Message);
        return 0;
    }

    /// <summary>The feed's newest cursor (read to its end without delivering); <c>null</c> when the feed cannot be read.</summary>
    private async Task<ChangeCursor?> NewestAsync(CancellationToken cancellationToken)
    {
        ChangeCursor? newest = null;
        while (true)
        {
            var page = await m3.ReadChangesAsync(newest, PageSize, cancellationToken);
            if (!page.IsSuccess) return newest;
            if (ChangeCursor.TryParse(page.Value.Next, out var next)) newest = next;
            if (page.Value.Items.Count < PageSize) return newest;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The change feed's cursor has expired: polling every watched record, then reading on from the newest change.")]
    private partial void LogCursorExpired();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the change feed failed ({Category}): {Message}; it is read again at the next poll.")]
    private partial void LogFeedFailed(string category, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "A round of changes from M3 failed; it runs again at the next poll.")]
    private partial void LogRoundFailed(Exception exception);
}

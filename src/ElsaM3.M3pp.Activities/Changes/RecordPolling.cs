using ElsaM3.M3pp.Errors;
using ElsaM3.M3pp.Gateways;
using ElsaM3.Runtime.Instances;
using Microsoft.Extensions.Logging;

namespace ElsaM3.M3pp.Activities.Changes;

/// <summary>
/// The polling strategy: reads each watched worksheet or asset once (a 404 means deleted) and delivers its state to the
/// watches that have not seen it. One read per watched record, however many cases watch it.
/// </summary>
public sealed partial class RecordPolling(IWorkflowInstanceStore store, IM3ppGateway m3, ChangeDelivery delivery, TimeProvider time,
    ILogger<RecordPolling> logger)
{
    /// <summary>Most records read at once.</summary>
    public const int MaxConcurrentReads = 8;

    /// <summary>Polls everything watched; returns how many watches were resumed.</summary>
    public async Task<int> PollAsync(CancellationToken cancellationToken)
    {
        var watches = (await store.FindBookmarksByNameAsync(WatchedRecord.BookmarkName, cancellationToken))
            .Select(b => (Bookmark: b, Watched: WatchedRecord.FromPayload(b.Payload)))
            .Where(w => w.Watched is not null)
            .GroupBy(w => w.Watched!.Value.Record);
        var resumed = 0;
        await Parallel.ForEachAsync(watches, new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentReads, CancellationToken = cancellationToken },
            async (group, ct) =>
            {
                if (await ReadAsync(group.Key, ct) is not { } change) return;
                var fingerprint = RecordSnapshot.Fingerprint(change.Current);
                var behind = group.Where(w => w.Watched!.Value.Seen != fingerprint).Select(w => w.Bookmark.WorkflowInstanceId).ToList();
                if (behind.Count > 0) Interlocked.Add(ref resumed, await delivery.DeliverToAsync(change, behind, ct));
            });
        return resumed;
    }

    /// <summary>The record's state now as a change (<c>deleted</c> when M3 no longer has it); <c>null</c> when it could not be read.</summary>
    private async Task<RecordChange?> ReadAsync(WatchedRecord record, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (current, error) = await m3.ReadAsync(record, cancellationToken);
        if (error is null) return new RecordChange(record, RecordChangeKind.Updated, current, now);
        if (error.Category == M3ErrorCategory.NotFound) return new RecordChange(record, RecordChangeKind.Deleted, null, now);
        LogReadFailed(record.ToString(), error.Category.Name(), error.Message);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling {Record} failed ({Category}): {Message}; it is read again at the next poll.")]
    private partial void LogReadFailed(string record, string category, string message);
}

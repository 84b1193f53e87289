using ElsaM3.Runtime.Instances;

namespace ElsaM3.M3pp.Activities.Changes;

/// <summary>
/// Hands changes to the workflows watching their records. The watchers of a change are found through the bookmark index
/// (one indexed lookup per change, whatever the number of watched cases); each instance gets its changes in feed order,
/// instances side by side.
/// </summary>
public sealed class ChangeDelivery(IWorkflowInstanceStore store, WorkflowInstanceService instances)
{
    /// <summary>Most instances resumed at once.</summary>
    public const int MaxConcurrentInstances = 16;

    /// <summary>Delivers each change to every instance watching its record; returns how many resumes ran.</summary>
    public async Task<int> DeliverAsync(IReadOnlyList<RecordChange> changes, CancellationToken cancellationToken)
    {
        var perInstance = new Dictionary<string, List<RecordChange>>(StringComparer.Ordinal);
        foreach (var change in changes)
            foreach (var instanceId in (await store.FindBookmarksAsync(change.Record.Hash, cancellationToken)).Select(b => b.WorkflowInstanceId).Distinct())
            {
                if (!perInstance.TryGetValue(instanceId, out var list)) perInstance[instanceId] = list = [];
                list.Add(change);
            }
        return await ResumeAsync(perInstance, cancellationToken);
    }

    /// <summary>Delivers one change to these instances only (a poll found they had not seen it).</summary>
    public Task<int> DeliverToAsync(RecordChange change, IEnumerable<string> instanceIds, CancellationToken cancellationToken) =>
        ResumeAsync(instanceIds.Distinct().ToDictionary(id => id, _ => new List<RecordChange> { change }), cancellationToken);

    private async Task<int> ResumeAsync(Dictionary<string, List<RecordChange>> perInstance, CancellationToken cancellationToken)
    {
        var resumed = 0;
        await Parallel.ForEachAsync(perInstance, new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentInstances, CancellationToken = cancellationToken },
            async (entry, ct) =>
            {
                foreach (var change in entry.Value)
                    if (await instances.ResumeMatchingAsync(entry.Key, change.Record.Hash, change, ct) is not null)
                        Interlocked.Increment(ref resumed);
            });
        return resumed;
    }
}

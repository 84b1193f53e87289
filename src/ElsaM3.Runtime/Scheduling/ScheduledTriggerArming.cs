using ElsaM3.Runtime.Instances;
using ElsaM3.Workflows.Bookmarks;
using ElsaM3.Workflows.Definitions;
using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.Scheduling;
using ElsaM3.Workflows.Triggers;

namespace ElsaM3.Runtime.Scheduling;

/// <summary>
/// Timer, Cron and StartAt triggers through the durable timer store: publishing arms one instance per such trigger,
/// waiting at it for its next due time; when it fires, <see cref="WorkflowInstanceService"/> arms the next one in the same
/// commit, so each due time starts exactly one run, across restarts. Publishing again or retracting disarms (cancels) the
/// instances still waiting.
/// </summary>
public sealed class ScheduledTriggerArming(WorkflowInstanceService instances, IWorkflowInstanceStore store)
{
    public async Task ArmAsync(WorkflowDefinition published, IReadOnlyList<WorkflowTrigger> triggers, CancellationToken cancellationToken)
    {
        await DisarmAsync(published.DefinitionId, cancellationToken);
        foreach (var trigger in triggers.Where(t => ScheduledTriggers.Names.Contains(t.Name)))
            await instances.StartAsync(published, new StartOptions { TriggerActivityId = trigger.ActivityId }, cancellationToken);
    }

    /// <summary>Cancels the instances of a definition still waiting at a scheduled trigger; returns how many.</summary>
    public async Task<int> DisarmAsync(string definitionId, CancellationToken cancellationToken)
    {
        var cancelled = 0;
        foreach (var hash in ScheduledTriggers.ArmedHashes(definitionId))
        foreach (var bookmark in await store.FindBookmarksAsync(hash, cancellationToken))
            if (await instances.CancelAsync(bookmark.WorkflowInstanceId, cancellationToken) == true) cancelled++;
        return cancelled;
    }

    /// <summary>Whether <paramref name="bookmark"/> is an armed recurring trigger of an instance of <paramref name="definitionId"/>.</summary>
    public static bool IsArmedRecurring(Bookmark bookmark, string definitionId) =>
        ScheduledTriggers.RecurringNames.Contains(bookmark.Name)
        && bookmark.Hash == StimulusHash.Compute(bookmark.Name, ScheduledTriggers.ArmedLookup(definitionId));
}

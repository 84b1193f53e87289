using ElsaM3.Runtime.Definitions;
using ElsaM3.Runtime.Instances;
using ElsaM3.Runtime.Triggers;
using ElsaM3.Workflows.Bookmarks;
using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.Primitives;

namespace ElsaM3.Runtime.Events;

/// <summary>
/// Elsa's event publishing: an event starts every published workflow whose Event trigger has its name and resumes every
/// instance waiting at an Event of that name; a correlation id or an instance id narrows it to those instances.
/// </summary>
public sealed class EventPublisher(TriggerIndex triggers, IWorkflowDefinitionStore definitions, IWorkflowInstanceStore instanceStore,
    WorkflowInstanceService instances, Budgets.TriggerSuspensions suspensions)
{
    /// <summary>Publishes <paramref name="eventName"/>; returns how many workflows it started or resumed.</summary>
    /// <param name="chainDepth">How deep the runs it starts are (<see cref="ChildWorkflows.ChainDepth"/>): 0 from outside, one more than the publishing run's from a workflow.</param>
    public async Task<int> PublishAsync(string eventName, string? correlationId, string? workflowInstanceId, object? payload, CancellationToken cancellationToken,
        int chainDepth = 0)
    {
        var properties = chainDepth == 0 ? null : new Dictionary<string, object?> { [ChildWorkflows.ChainDepth.Property] = chainDepth };
        var hash = StimulusHash.Compute(Event.BookmarkName, Event.Stimulus(eventName));
        var reached = 0;
        if (workflowInstanceId is null)
            foreach (var trigger in (await triggers.GetAsync(Event.BookmarkName, cancellationToken)).Where(t => t.Hash == hash))
            {
                if (await definitions.FindByIdAsync(trigger.WorkflowDefinitionVersionId, cancellationToken) is not { } definition) continue;
                if (await suspensions.IsSuspendedAsync(definition.DefinitionId, cancellationToken)) continue;
                await instances.StartAsync(definition,
                    new StartOptions { TriggerActivityId = trigger.ActivityId, TriggerInput = payload, CorrelationId = correlationId, Properties = properties }, cancellationToken);
                reached++;
            }
        foreach (var bookmark in await instanceStore.FindBookmarksAsync(hash, cancellationToken))
        {
            if (workflowInstanceId is not null && bookmark.WorkflowInstanceId != workflowInstanceId) continue;
            if (correlationId is not null && bookmark.CorrelationId != correlationId) continue;
            if (await instances.ResumeAsync(bookmark.WorkflowInstanceId, bookmark.Id, payload, null, cancellationToken) is not null) reached++;
        }
        return reached;
    }
}

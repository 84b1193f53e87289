using ElsaM3.Runtime.Triggers;
using ElsaM3.Workflows.Composition;
using ElsaM3.Workflows.Definitions;
using ElsaM3.Workflows.Descriptors;
using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.Serialization;
using ElsaM3.Workflows.Triggers;

namespace ElsaM3.Runtime.Definitions;

/// <summary>
/// Elsa's versioning: saving over a draft overwrites it, saving over a published version creates version n+1
/// as the new latest draft, publishing makes one version the only published one and re-indexes its triggers.
/// </summary>
public sealed class WorkflowDefinitionService(
    IWorkflowDefinitionStore store, WorkflowRunner runner, ActivityRegistry registry, WorkflowDefinitionSerializer serializer, WorkflowGraphCache graphs,
    TriggerIndex triggerIndex, TimeProvider time, Instances.WorkflowInstanceService instances, Instances.IWorkflowInstanceStore instanceStore,
    IEnumerable<ITriggerValidator> triggerValidators, Scheduling.ScheduledTriggerArming schedules, Coordination.INodeBroadcast broadcast,
    Budgets.TriggerSuspensions suspensions)
{
    public const string ToolVersion = "3.8.0.0";

    /// <summary>Saves <paramref name="model"/> as the latest version; throws <see cref="WorkflowDefinitionException"/> when it cannot run.</summary>
    public async Task<SaveResult> SaveAsync(WorkflowDefinition model, bool publish, CancellationToken cancellationToken)
    {
        DefinitionRules.Check(model);
        if (string.IsNullOrWhiteSpace(model.DefinitionId)) model.DefinitionId = Ids.New();
        try
        {
            DescriptorDefaults.Apply(model, registry);
            await graphs.CompileAsync(model, cancellationToken); // validates and assigns node ids
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or KeyNotFoundException or IndexOutOfRangeException)
        {
            // A shape the file format allows but no workflow can have (a null where a node belongs, a node where a value does).
            throw new WorkflowDefinitionException($"model: the workflow cannot be compiled: {e.Message}");
        }

        var latest = await store.FindAsync(model.DefinitionId, VersionOptions.Latest, cancellationToken);
        var changed = new List<WorkflowDefinition>();
        if (latest is null)
        {
            model.Id = string.IsNullOrWhiteSpace(model.Id) ? Ids.New() : model.Id;
            model.Version = 1;
            model.CreatedAt = time.GetUtcNow();
            model.IsPublished = false;
        }
        else if (latest.IsPublished)
        {
            if (publish && SameContent(latest, model))
                return new SaveResult(latest, AlreadyPublished: true);
            latest.IsLatest = false;
            changed.Add(latest);
            model.Id = Ids.New();
            model.Version = latest.Version + 1;
            model.CreatedAt = time.GetUtcNow();
            model.IsPublished = false;
        }
        else
        {
            model.Id = latest.Id;
            model.Version = latest.Version;
            model.CreatedAt = latest.CreatedAt;
            model.IsPublished = false;
            graphs.Invalidate(latest.Id);
        }
        model.IsLatest = true;
        model.ToolVersion ??= ToolVersion;
        changed.Add(model);

        if (!publish)
        {
            await store.SaveAsync(changed, cancellationToken);
            InvalidateEmbeddings(model);
            await broadcast.AnnounceAsync(Coordination.SharedStateTopic.Definitions, cancellationToken);
            return new SaveResult(model, AlreadyPublished: false);
        }
        await PublishVersionAsync(model, changed, cancellationToken);
        return new SaveResult(model, AlreadyPublished: false);
    }

    /// <summary>
    /// Descriptors of every stored version of the workflows usable as activities (the published one is the one in the
    /// toolbox). Reading every version also notes the unknown activity types they use, so their placeholder descriptors
    /// are there after a restart too.
    /// </summary>
    public async Task<IReadOnlyList<ActivityDescriptor>> WorkflowActivityDescriptorsAsync(CancellationToken cancellationToken)
    {
        var versions = await store.FindManyAsync(new DefinitionQuery { VersionOptions = VersionOptions.AllVersions, PageSize = int.MaxValue }, cancellationToken);
        var usable = versions.Where(WorkflowActivityDescriptor.IsUsableAsActivity).ToList();
        return usable.Select(version => WorkflowActivityDescriptor.For(version,
            usable.Where(u => u.DefinitionId == version.DefinitionId && u.IsPublished).MaxBy(u => u.Version))).ToList();
    }

    /// <summary>Graphs embed the workflows their activities run: a change to one that is usable as an activity drops them all.</summary>
    private void InvalidateEmbeddings(params IEnumerable<WorkflowDefinition> changed)
    {
        if (changed.Any(WorkflowActivityDescriptor.IsUsableAsActivity)) graphs.InvalidateAll();
    }

    /// <summary>
    /// Elsa's <c>autoUpdateConsumingWorkflows</c>: a newly published workflow used as an activity becomes the version its
    /// consumers run. Each consumer's latest version is saved again pointing at it (and published when it was), so running
    /// instances keep the version they started with.
    /// </summary>
    private async Task UpdateConsumersAsync(WorkflowDefinition published, CancellationToken cancellationToken)
    {
        if (published.Options is not { UsableAsActivity: true, AutoUpdateConsumingWorkflows: true }) return;
        var latest = await store.FindManyAsync(new DefinitionQuery { VersionOptions = VersionOptions.Latest, PageSize = int.MaxValue }, cancellationToken);
        foreach (var consumer in latest.Where(d => d.DefinitionId != published.DefinitionId))
        {
            var outdated = consumer.Root.DescendantsAndSelf()
                .Where(n => n.Unrecognised is not null && WorkflowActivityReference.TryRead(n) is { } reference
                    && reference.DefinitionId == published.DefinitionId && reference.VersionId != published.Id)
                .ToList();
            if (outdated.Count == 0) continue;
            foreach (var node in outdated)
            {
                WorkflowActivityReference.Retarget(node.Unrecognised!, published);
                node.Version = published.Version;
            }
            try
            {
                await SaveAsync(consumer, publish: consumer.IsPublished, cancellationToken);
            }
            catch (WorkflowDefinitionException)
            {
                // A consumer that no longer compiles with the new version keeps the one it has; its author sees why on the next save.
            }
        }
    }

    public async Task<SaveResult?> PublishAsync(string definitionId, CancellationToken cancellationToken)
    {
        var latest = await store.FindAsync(definitionId, VersionOptions.Latest, cancellationToken);
        if (latest is null) return null;
        if (latest.IsPublished) return new SaveResult(latest, AlreadyPublished: true);
        await PublishVersionAsync(latest, [latest], cancellationToken);
        return new SaveResult(latest, AlreadyPublished: false);
    }

    public async Task<WorkflowDefinition?> RetractAsync(string definitionId, CancellationToken cancellationToken)
    {
        var published = await store.FindAsync(definitionId, VersionOptions.Published, cancellationToken);
        if (published is null) return null;
        published.IsPublished = false;
        await store.SaveAsync([published], cancellationToken);
        InvalidateEmbeddings(published);
        await store.ReplaceTriggersAsync(definitionId, [], cancellationToken);
        await TriggersChangedAsync(cancellationToken);
        await schedules.DisarmAsync(definitionId, cancellationToken);
        return published;
    }

    /// <summary>
    /// Deletes every version with its triggers (so its paths answer 404) after cancelling the instances still
    /// waiting on it, which could otherwise never finish.
    /// </summary>
    public async Task<DeleteResult> DeleteAsync(string definitionId, CancellationToken cancellationToken)
    {
        var versions = await store.FindManyAsync(new DefinitionQuery { DefinitionIds = [definitionId], VersionOptions = VersionOptions.AllVersions, PageSize = int.MaxValue }, cancellationToken);
        if (versions.Count == 0) return new DeleteResult(0, 0);
        var cancelled = await CancelWaitingAsync(new Instances.InstanceQuery { DefinitionIds = [definitionId] }, cancellationToken);
        foreach (var version in versions) graphs.Invalidate(version.Id);
        var deleted = await store.DeleteAsync(definitionId, cancellationToken);
        InvalidateEmbeddings(versions);
        await TriggersChangedAsync(cancellationToken);
        return new DeleteResult(deleted, cancelled);
    }

    /// <summary>Deletes one version (and its triggers) after cancelling the instances waiting on it.</summary>
    public async Task<DeleteResult> DeleteVersionAsync(string id, CancellationToken cancellationToken)
    {
        var version = await store.FindByIdAsync(id, cancellationToken);
        if (version is null) return new DeleteResult(0, 0);
        var cancelled = await CancelWaitingAsync(new Instances.InstanceQuery { DefinitionIds = [version.DefinitionId], Version = version.Version }, cancellationToken);
        graphs.Invalidate(id);
        var deleted = await store.DeleteVersionAsync(id, cancellationToken) ? 1 : 0;
        InvalidateEmbeddings(version);
        await TriggersChangedAsync(cancellationToken);
        return new DeleteResult(deleted, cancelled);
    }

    private async Task<int> CancelWaitingAsync(Instances.InstanceQuery query, CancellationToken cancellationToken)
    {
        var waiting = await instanceStore.FindIdsAsync(query with { Statuses = [WorkflowStatus.Running], PageSize = int.MaxValue }, cancellationToken);
        var cancelled = 0;
        foreach (var instanceId in waiting)
            if (await instances.CancelAsync(instanceId, cancellationToken) == true) cancelled++;
        return cancelled;
    }

    private async Task PublishVersionAsync(WorkflowDefinition version, List<WorkflowDefinition> changed, CancellationToken cancellationToken)
    {
        IReadOnlyList<WorkflowTrigger> triggers;
        try
        {
            triggers = await runner.GetTriggersAsync(await graphs.GetAsync(version, cancellationToken), cancellationToken);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new WorkflowDefinitionException($"model: the workflow's triggers cannot be read: {e.Message}");
        }
        foreach (var validator in triggerValidators) await validator.ValidateAsync(version.DefinitionId, triggers, cancellationToken);
        var previous = await store.FindAsync(version.DefinitionId, VersionOptions.Published, cancellationToken);
        if (previous is not null && previous.Id != version.Id)
        {
            previous.IsPublished = false;
            if (changed.Find(c => c.Id == previous.Id) is { } alreadyChanged) alreadyChanged.IsPublished = false;
            else changed.Add(previous);
        }
        version.IsPublished = true;
        version.IsLatest = true;
        await store.SaveAsync(changed, cancellationToken);
        await store.ReplaceTriggersAsync(version.DefinitionId,
            triggers.Select(t => new StoredTrigger(Ids.New(), version.DefinitionId, version.Id, t.Name, t.ActivityId, t.Hash, t.Payload)).ToList(),
            cancellationToken);
        await TriggersChangedAsync(cancellationToken);
        InvalidateEmbeddings(changed);
        // Triggers suspended after budget faults stay disarmed until an admin resumes them (ResumeTriggersAsync).
        if (await suspensions.IsSuspendedAsync(version.DefinitionId, cancellationToken)) await schedules.DisarmAsync(version.DefinitionId, cancellationToken);
        else await schedules.ArmAsync(version, triggers, cancellationToken);
        await UpdateConsumersAsync(version, cancellationToken);
    }

    /// <summary>
    /// An admin resumes the timer and event triggers suspended after budget faults: the published version's scheduled
    /// triggers are armed again. False when they were not suspended.
    /// </summary>
    public async Task<bool> ResumeTriggersAsync(string definitionId, CancellationToken cancellationToken)
    {
        if (!await suspensions.ResumeAsync(definitionId, cancellationToken)) return false;
        if (await store.FindAsync(definitionId, VersionOptions.Published, cancellationToken) is { } published)
            await schedules.ArmAsync(published, await runner.GetTriggersAsync(await graphs.GetAsync(published, cancellationToken), cancellationToken), cancellationToken);
        return true;
    }

    /// <summary>Drops this node's trigger index and tells the other nodes to drop theirs and their graphs.</summary>
    private ValueTask TriggersChangedAsync(CancellationToken cancellationToken)
    {
        triggerIndex.Invalidate();
        return broadcast.AnnounceAsync(Coordination.SharedStateTopic.Definitions, cancellationToken);
    }

    private bool SameContent(WorkflowDefinition a, WorkflowDefinition b) => serializer.SerializeActivity(a.Root) == serializer.SerializeActivity(b.Root)
               && a.Name == b.Name
               && System.Text.Json.JsonSerializer.Serialize(a.Variables) == System.Text.Json.JsonSerializer.Serialize(b.Variables);
}

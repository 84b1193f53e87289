using ElsaM3.Runtime.Triggers;
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
    IEnumerable<ITriggerValidator> triggerValidators)
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
            runner.Compile(model); // validates and assigns node ids
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
            return new SaveResult(model, AlreadyPublished: false);
        }
        await PublishVersionAsync(model, changed, cancellationToken);
        return new SaveResult(model, AlreadyPublished: false);
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
        await store.ReplaceTriggersAsync(definitionId, [], cancellationToken);
        triggerIndex.Invalidate();
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
        triggerIndex.Invalidate();
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
        triggerIndex.Invalidate();
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
            triggers = await runner.GetTriggersAsync(graphs.Get(version), cancellationToken);
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
        triggerIndex.Invalidate();
    }

    private bool SameContent(WorkflowDefinition a, WorkflowDefinition b) => serializer.SerializeActivity(a.Root) == serializer.SerializeActivity(b.Root)
               && a.Name == b.Name
               && System.Text.Json.JsonSerializer.Serialize(a.Variables) == System.Text.Json.JsonSerializer.Serialize(b.Variables);
}

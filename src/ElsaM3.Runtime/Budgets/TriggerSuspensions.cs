using System.Collections.Concurrent;
using System.Text.Json;
using ElsaM3.Runtime.Coordination;
using ElsaM3.Runtime.Settings;
using ElsaM3.Workflows.Execution;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ElsaM3.Runtime.Budgets;

/// <summary>
/// A workflow whose trigger-started runs keep faulting on a budget stops being started by its timers and events until an
/// admin resumes it, so a runaway workflow cannot loop through the server (or through restarts: the suspension is kept in
/// the store). Runs in a row are counted on each node; the suspension holds for every node.
/// </summary>
public sealed partial class TriggerSuspensions
{
    public const string SettingsKey = "runtime.suspended-triggers";
    public static readonly SharedStateTopic Topic = new("suspended-triggers");

    private readonly ISettingsStore _settings;
    private readonly INodeBroadcast _broadcast;
    private readonly IOptions<WorkflowRuntimeOptions> _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<TriggerSuspensions> _logger;
    private readonly ConcurrentDictionary<string, int> _faultsInARow = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _writing = new(1, 1);
    private volatile Dictionary<string, TriggerSuspension>? _cached;

    public TriggerSuspensions(ISettingsStore settings, INodeBroadcast broadcast, IOptions<WorkflowRuntimeOptions> options, TimeProvider clock,
        ILogger<TriggerSuspensions> logger)
    {
        (_settings, _broadcast, _options, _clock, _logger) = (settings, broadcast, options, clock, logger);
        // Another node suspended or resumed a workflow: read them again.
        broadcast.Subscribe(Topic, () => _cached = null);
    }

    /// <summary>The suspended workflows, by definition id.</summary>
    public async Task<IReadOnlyDictionary<string, TriggerSuspension>> ListAsync(CancellationToken cancellationToken)
    {
        return _cached ??= await ReadAsync(cancellationToken);
    }

    private async Task<Dictionary<string, TriggerSuspension>> ReadAsync(CancellationToken cancellationToken) =>
        await _settings.GetAsync(SettingsKey, cancellationToken) is { } json
            ? JsonSerializer.Deserialize<Dictionary<string, TriggerSuspension>>(json) ?? []
            : [];

    public async Task<bool> IsSuspendedAsync(string definitionId, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).ContainsKey(definitionId);

    /// <summary>Counts a committed run that a trigger started: a budget fault one more in a row, anything else back to none.</summary>
    public async Task RecordAsync(WorkflowState state, CancellationToken cancellationToken)
    {
        if (!state.Properties.ContainsKey(WorkflowRunner.TriggerActivityProperty)) return;
        if (state.Properties.GetValueOrDefault(BudgetExceededException.InstanceProperty) is not string budget)
        {
            if (state.Status == WorkflowStatus.Finished) _faultsInARow.TryRemove(state.DefinitionId, out _);
            return;
        }
        var inARow = _faultsInARow.AddOrUpdate(state.DefinitionId, 1, (_, n) => n + 1);
        if (inARow < _options.Value.BudgetFaultsBeforeSuspending || await IsSuspendedAsync(state.DefinitionId, cancellationToken)) return;
        await ChangeAsync(all => all[state.DefinitionId] = new TriggerSuspension(budget, inARow, state.Id, _clock.GetUtcNow()), cancellationToken);
        LogSuspended(_logger, state.DefinitionId, inARow, budget);
    }

    /// <summary>An admin resumes the workflow's triggers; false when they were not suspended.</summary>
    public async Task<bool> ResumeAsync(string definitionId, CancellationToken cancellationToken)
    {
        _faultsInARow.TryRemove(definitionId, out _);
        if (!await IsSuspendedAsync(definitionId, cancellationToken)) return false;
        await ChangeAsync(all => all.Remove(definitionId), cancellationToken);
        return true;
    }

    private async Task ChangeAsync(Action<Dictionary<string, TriggerSuspension>> change, CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            var all = await ReadAsync(cancellationToken);
            change(all);
            await _settings.SetAsync(SettingsKey, JsonSerializer.Serialize(all), cancellationToken);
            _cached = all;
        }
        finally
        {
            _writing.Release();
        }
        await _broadcast.AnnounceAsync(Topic, cancellationToken);
    }

    [LoggerMessage(LogLevel.Warning, "Workflow {DefinitionId} faulted on a budget {Count} runs in a row (last: {Budget}); its timer and event triggers are suspended until an admin resumes them.")]
    private static partial void LogSuspended(ILogger logger, string definitionId, int count, string budget);
}

/// <summary>Why a workflow's triggers are suspended: the budget its last run went over, how many runs in a row, the last instance.</summary>
public sealed record TriggerSuspension(string Budget, int RunsInARow, string LastInstanceId, DateTimeOffset SuspendedAt);

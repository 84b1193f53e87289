using ElsaM3.Workflows.Execution;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ElsaM3.Runtime.Coordination;

/// <summary>
/// Holds an id slot no other live node holds (<see cref="Ids.UseNodeSlot"/>), through a lock named after the slot, for
/// the life of the process. Taken before the store is first written; one node needs none (slot 0). Every ten seconds it
/// makes sure the lock is still held (a database restart drops it) and takes it again when it was lost.
/// </summary>
public sealed partial class IdSlot(INodeLocks locks, ILogger<IdSlot> logger) : BackgroundService
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(10);
    private IAsyncDisposable? _held;
    private string? _name;

    /// <summary>The slot this node's ids carry; null on one node.</summary>
    public int? Slot { get; private set; }

    public async Task TakeAsync(CancellationToken cancellationToken)
    {
        if (!locks.SpansNodes || _held is not null) return;
        var first = Random.Shared.Next(Ids.NodeSlots);
        for (var i = 0; i < Ids.NodeSlots; i++)
        {
            var slot = (first + i) % Ids.NodeSlots;
            if (await locks.TryAcquireAsync(Name(slot), cancellationToken) is not { } held) continue;
            (_held, _name, Slot) = (held, Name(slot), slot);
            Ids.UseNodeSlot(slot);
            LogTaken(slot);
            return;
        }
        throw new InvalidOperationException($"All {Ids.NodeSlots} id slots are held: no more nodes can share this database.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!locks.SpansNodes) return;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(CheckEvery, stoppingToken);
                // Another holder would be refused; getting the lock means this node had lost it.
                if (_name is null || await locks.TryAcquireAsync(_name, stoppingToken) is not { } regained) continue;
                var lost = _held;
                _held = regained;
                if (lost is not null) await lost.DisposeAsync();
                LogRetaken(Slot!.Value);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_held is { } held) await held.DisposeAsync();
        _held = null;
    }

    private static string Name(int slot) => $"elsam3:id-slot:{slot}";

    [LoggerMessage(LogLevel.Information, "This node's ids carry slot {Slot}.")]
    private partial void LogTaken(int slot);

    [LoggerMessage(LogLevel.Warning, "The lock on id slot {Slot} had been lost (the database connection dropped); it is held again.")]
    private partial void LogRetaken(int slot);
}

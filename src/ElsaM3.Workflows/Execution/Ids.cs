namespace ElsaM3.Workflows.Execution;

/// <summary>
/// Elsa-style ids: 16 lower-case hex characters. They are time-ordered (milliseconds since 2020 in the high 44 bits) so
/// that new rows append to the store's indexes instead of landing at random pages, then carry the node's id slot (10 bits)
/// and a per-process sequence (10 bits): ids made on different nodes sharing a store never collide, because no two live
/// nodes hold the same slot (<see cref="UseNodeSlot"/>). More than 1,024 ids in a millisecond borrow the next one.
/// </summary>
public static class Ids
{
    /// <summary>How many nodes can share a store, each with its own slot.</summary>
    public const int NodeSlots = 1024;

    private const int SequenceBits = 10;
    private static readonly long Epoch = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    /// <summary>Milliseconds since <see cref="Epoch"/> shifted left by <see cref="SequenceBits"/>, plus the sequence.</summary>
    private static long _lastTick;
    private static long _slot;

    /// <summary>
    /// The slot this process's ids carry from now on (0 until set: one node). Servers sharing a store each hold a
    /// different one; hosts sharing one process (tests) share its sequence, so their ids differ whatever the slot.
    /// </summary>
    public static void UseNodeSlot(int slot)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slot, NodeSlots);
        Interlocked.Exchange(ref _slot, slot);
    }

    public static string New()
    {
        var now = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - Epoch) << SequenceBits;
        long next, last;
        do
        {
            last = Interlocked.Read(ref _lastTick);
            next = Math.Max(now, last + 1);
        }
        while (Interlocked.CompareExchange(ref _lastTick, next, last) != last);
        const long sequenceMask = (1 << SequenceBits) - 1;
        var id = ((next >> SequenceBits) << (2 * SequenceBits)) | (Interlocked.Read(ref _slot) << SequenceBits) | (next & sequenceMask);
        return id.ToString("x16");
    }
}

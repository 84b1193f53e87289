namespace ElsaM3.Workflows.Execution;

/// <summary>
/// Elsa-style ids: 16 lower-case hex characters. They are time-ordered (milliseconds since 2020 in the high
/// bits, a per-process sequence in the low 20) so that new rows append to the store's indexes instead of
/// landing at random pages.
/// </summary>
public static class Ids
{
    private static readonly long Epoch = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private static long _last;

    public static string New()
    {
        var now = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - Epoch) << 20;
        long next, last;
        do
        {
            last = Interlocked.Read(ref _last);
            next = Math.Max(now + (long)(uint)(Random.Shared.Next() & 0x3FF), last + 1);
        }
        while (Interlocked.CompareExchange(ref _last, next, last) != last);
        return next.ToString("x16");
    }
}

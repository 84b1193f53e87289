namespace ElsaM3.Server.Tests.Support;

/// <summary>Polls for something another part of the system does in the background.</summary>
public static class Eventually
{
    /// <summary>How long until <paramref name="condition"/> held (polled every 20 ms); fails once <paramref name="limit"/> has passed.</summary>
    public static async Task<TimeSpan> WithinAsync(Func<Task<bool>> condition, TimeSpan limit, string? what = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            clock.Elapsed.ShouldBeLessThan(limit, what);
            await Task.Delay(20);
        }
        return clock.Elapsed;
    }
}

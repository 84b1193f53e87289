namespace ElsaM3.Runtime.Scheduling;

/// <summary>Wakes the <see cref="DelayScheduler"/> early when a new timer bookmark was committed.</summary>
public sealed class TimerSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try
        {
            if (_signal.CurrentCount == 0) _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}

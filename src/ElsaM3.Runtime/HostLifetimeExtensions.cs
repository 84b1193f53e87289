using Microsoft.Extensions.Hosting;

namespace ElsaM3.Runtime;

public static class HostLifetimeExtensions
{
    /// <summary>Waits until the host has started (and listens); <c>false</c> when it stops first.</summary>
    public static async Task<bool> WaitForStartAsync(this IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            try
            {
                await started.Task.WaitAsync(stoppingToken);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
    }
}

using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ElsaM3.Runtime.Instances;

/// <summary>Runs dispatched work (dispatched workflows, recovery) in the background, a few items at a time.</summary>
public sealed partial class BackgroundWorkQueue(ILogger<BackgroundWorkQueue> logger) : BackgroundService
{
    private readonly Channel<Func<CancellationToken, Task>> _channel = Channel.CreateUnbounded<Func<CancellationToken, Task>>();

    public void Enqueue(Func<CancellationToken, Task> work)
    {
        if (!_channel.Writer.TryWrite(work)) throw new InvalidOperationException("The background queue is closed.");
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(2, Environment.ProcessorCount)).Select(_ => ConsumeAsync(stoppingToken)));

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        await foreach (var work in _channel.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await work(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogWorkFailed(e);
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "Background workflow work failed.")]
    private partial void LogWorkFailed(Exception exception);
}

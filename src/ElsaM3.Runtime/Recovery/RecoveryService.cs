using ElsaM3.Runtime.Instances;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ElsaM3.Runtime.Recovery;

/// <summary>
/// At start-up, continues every instance the store holds as Pending or Executing: their last burst was cut
/// short by a crash (or never ran). Work committed before the crash is kept; the interrupted burst runs again.
/// </summary>
public sealed partial class RecoveryService(
    IWorkflowInstanceStore store,
    WorkflowInstanceService instances,
    BackgroundWorkQueue background,
    ILogger<RecoveryService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var interrupted = await store.FindInterruptedAsync(cancellationToken);
        if (interrupted.Count > 0) LogRecovering(interrupted.Count);
        foreach (var id in interrupted)
            background.Enqueue(ct => instances.ContinueAsync(id, ct));
        background.Enqueue(ct => instances.ResumeParentsOfEndedChildrenAsync(ct));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Warning, "Recovering {Count} workflow instance(s) interrupted by the last shutdown.")]
    private partial void LogRecovering(int count);
}

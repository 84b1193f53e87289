using ElsaM3.Persistence;
using ElsaM3.Server.Samples;

namespace ElsaM3.Server.Hosting;

/// <summary>Prepares the store and imports the sample workflows before the runtime's background services start.</summary>
internal sealed class StartupTasks(StoreInitializer store, SampleWorkflowImporter samples) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        await samples.ImportAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

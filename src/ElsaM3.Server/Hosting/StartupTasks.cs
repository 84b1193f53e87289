using ElsaM3.Identity.Secrets;
using ElsaM3.Persistence;
using ElsaM3.Runtime.Coordination;
using ElsaM3.Server.Samples;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ElsaM3.Server.Hosting;

/// <summary>
/// Prepares the store and imports the sample workflows before the runtime's background services start, then
/// makes the data folder owner-only (the database, keys and hashes in it are nobody else's to read).
/// </summary>
internal sealed class StartupTasks(
    StoreInitializer store, SampleWorkflowImporter samples, IOptions<StorageOptions> storage, IDataProtectionProvider protection, INodeLocks locks,
    IdSlot idSlot)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        SecretFiles.CreateFolder(storage.Value.DataDirectory);
        // Before anything is written: this node's ids must differ from every other node's.
        await idSlot.TakeAsync(cancellationToken);
        // Nodes starting together prepare the shared store one after the other: the second finds the samples imported.
        await using (await locks.AcquireAsync("elsam3:job:startup", cancellationToken))
        {
            await store.InitializeAsync(cancellationToken);
            await samples.ImportAsync(cancellationToken);
        }
        // Data Protection makes its key ring on first use; made now, its key file is restricted with the rest.
        protection.CreateProtector("ElsaM3.Startup").Protect([0]);
        SecretFiles.Restrict(storage.Value.DataDirectory);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

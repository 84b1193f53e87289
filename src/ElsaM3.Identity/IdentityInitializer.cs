using ElsaM3.Identity.Applications;
using ElsaM3.Identity.Secrets;
using ElsaM3.Identity.Tokens;
using ElsaM3.Identity.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ElsaM3.Identity;

/// <summary>
/// Reads (or generates) the admin password, the CXM key and the signing key at start-up, so generated ones are printed
/// when the server starts, not at first use, and sign-in never waits on the store.
/// </summary>
internal sealed class IdentityInitializer(IdentitySecrets secrets, IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await secrets.LoadAsync(cancellationToken);
        services.GetRequiredService<UserDirectory>();
        services.GetRequiredService<ApplicationDirectory>();
        services.GetRequiredService<TokenService>();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

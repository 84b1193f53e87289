using ElsaM3.Identity.Applications;
using ElsaM3.Identity.Tokens;
using ElsaM3.Identity.Users;
using Microsoft.Extensions.Hosting;

namespace ElsaM3.Identity;

/// <summary>Creates the admin password, the CXM key and the signing key at start-up, so generated ones are printed when the server starts, not at first use.</summary>
internal sealed class IdentityInitializer(UserDirectory users, ApplicationDirectory applications, TokenService tokens) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(users);
        GC.KeepAlive(applications);
        GC.KeepAlive(tokens);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

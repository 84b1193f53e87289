using Microsoft.Extensions.Hosting;

namespace ElsaM3.Identity;

/// <summary>Creates the admin password and signing key at start-up, so a generated password is printed when the server starts, not at the first sign-in.</summary>
internal sealed class IdentityInitializer(UserDirectory users, TokenService tokens) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(users);
        GC.KeepAlive(tokens);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

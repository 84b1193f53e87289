using ElsaM3.M3pp.Activities.Settings;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ElsaM3.M3pp.Api;

/// <summary>This server's own address (its first listening address; wildcards become loopback) for the embedded simulators.</summary>
public sealed class ServerSelfAddress(IServer server) : ISelfAddress
{
    private Uri? _address;

    /// <summary>Kept once the server reports an address; until then (or in-memory test hosts) <c>http://localhost/</c>.</summary>
    public Uri BaseAddress => _address ?? Find() ?? new Uri("http://localhost/");

    private Uri? Find()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null) return null;
        address = address.Replace("://*", "://127.0.0.1").Replace("://+", "://127.0.0.1").Replace("://[::]", "://127.0.0.1").Replace("://0.0.0.0", "://127.0.0.1");
        return _address = new Uri(address.TrimEnd('/') + "/");
    }
}

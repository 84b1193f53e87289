using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace ElsaM3.Workflows.Http.Outbound;

/// <summary>
/// Decides whether an HTTP activity may connect to an address, on the address a host name resolved to (so a name that
/// resolves inside the network is refused like the address itself). Decisions are made before any connection.
/// </summary>
public sealed class OutboundPolicy(IOptions<OutboundOptions> options)
{
    private static readonly (IPNetwork Network, string Kind)[] Internal =
    [
        (IPNetwork.Parse("127.0.0.0/8"), "loopback"),
        (IPNetwork.Parse("::1/128"), "loopback"),
        (IPNetwork.Parse("169.254.0.0/16"), "link-local (cloud metadata)"),
        (IPNetwork.Parse("fe80::/10"), "link-local"),
        (IPNetwork.Parse("10.0.0.0/8"), "private"),
        (IPNetwork.Parse("172.16.0.0/12"), "private"),
        (IPNetwork.Parse("192.168.0.0/16"), "private"),
        (IPNetwork.Parse("fc00::/7"), "private"),
        (IPNetwork.Parse("100.64.0.0/10"), "shared (carrier-grade NAT)"),
        (IPNetwork.Parse("0.0.0.0/8"), "unspecified"),
        (IPNetwork.Parse("::/128"), "unspecified"),
        (IPNetwork.Parse("224.0.0.0/4"), "multicast"),
        (IPNetwork.Parse("ff00::/8"), "multicast"),
        (IPNetwork.Parse("240.0.0.0/4"), "reserved"),
    ];

    /// <summary>Why the call to <paramref name="host"/> at <paramref name="address"/> is refused; <c>null</c> when it is allowed.</summary>
    public string? Refusal(string host, IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var settings = options.Value;
        if (Matches(settings.Deny, host, address))
            return $"{host} ({address}) is denied by {OutboundOptions.Section}:Deny.";
        if (Matches(settings.Allow, host, address)) return null;
        foreach (var (network, kind) in Internal)
            if (network.Contains(address))
                return $"{host} ({address}) is a {kind} address, which HTTP activities may not call unless {OutboundOptions.Section}:Allow names it.";
        return null;
    }

    /// <summary>Whether a configured entry is an address, a network or a host name (with an optional leading <c>*.</c>).</summary>
    public static bool IsValidEntry(string entry)
    {
        entry = entry.Trim();
        if (IPNetwork.TryParse(entry, out _) || IPAddress.TryParse(entry, out _)) return true;
        var name = entry.StartsWith("*.", StringComparison.Ordinal) ? entry[2..] : entry;
        return Uri.CheckHostName(name) == UriHostNameType.Dns;
    }

    private static bool Matches(List<string> entries, string host, IPAddress address)
    {
        foreach (var raw in entries)
        {
            var entry = raw.Trim();
            if (entry.Length == 0) continue;
            if (IPNetwork.TryParse(entry, out var network) && network.Contains(address)) return true;
            if (IPAddress.TryParse(entry, out var single) && (single.IsIPv4MappedToIPv6 ? single.MapToIPv4() : single).Equals(address)) return true;
            if (entry.StartsWith("*.", StringComparison.Ordinal) && host.EndsWith(entry[1..], StringComparison.OrdinalIgnoreCase)) return true;
            if (string.Equals(entry, host, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>
    /// The connection an HTTP activity's request uses: the host resolved, every address checked, then a connection to the
    /// first allowed one (the address connected to is the address checked, so DNS cannot switch it in between).
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal) ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        string? refusal = null;
        foreach (var address in addresses)
        {
            refusal = Refusal(endpoint.Host, address);
            if (refusal is not null) continue;
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw new OutboundRefusedException(refusal ?? $"{endpoint.Host} resolved to no address.");
    }
}

/// <summary>An HTTP activity's request refused by the outbound policy before any connection.</summary>
public sealed class OutboundRefusedException(string message) : IOException(message);

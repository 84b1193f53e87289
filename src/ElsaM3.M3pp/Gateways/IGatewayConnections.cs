namespace ElsaM3.M3pp.Gateways;

/// <summary>Supplies the current HUBis and CXM connections (the integration settings).</summary>
public interface IGatewayConnections
{
    ValueTask<GatewayConnection> M3ppAsync(CancellationToken cancellationToken);

    ValueTask<GatewayConnection> CxmAsync(CancellationToken cancellationToken);
}

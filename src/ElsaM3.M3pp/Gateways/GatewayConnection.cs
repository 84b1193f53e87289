namespace ElsaM3.M3pp.Gateways;

/// <summary>Where a gateway calls and with which key; read from the settings on every call, so a saved change applies at once.</summary>
public sealed record GatewayConnection(Uri BaseUrl, string ApiKey, TimeSpan Timeout);

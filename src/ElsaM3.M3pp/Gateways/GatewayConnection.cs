namespace ElsaM3.M3pp.Gateways;

/// <summary>Where a gateway calls and with which key; read from the settings on every call, so a saved change applies at once.</summary>
public sealed record GatewayConnection(Uri BaseUrl, string ApiKey, TimeSpan Timeout);

/// <summary>Supplies the current HUBis and CXM connections (the integration settings).</summary>
public interface IGatewayConnections
{
    ValueTask<GatewayConnection> M3ppAsync(CancellationToken cancellationToken);

    ValueTask<GatewayConnection> CxmAsync(CancellationToken cancellationToken);
}

/// <summary>An <c>Idempotency-Key</c>: the same on every retry of one create (§6.1, at most 200 characters).</summary>
public readonly record struct IdempotencyKey
{
    public IdempotencyKey(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value.Length <= 200 ? value : value[..200];
    }

    public string Value { get; }

    /// <summary>The recommended key: <c>{caseReference}:{referenceName}:{templateId}</c>.</summary>
    public static IdempotencyKey For(string caseReference, string referenceName, string templateId) => new($"{caseReference}:{referenceName}:{templateId}");

    public override string ToString() => Value;
}

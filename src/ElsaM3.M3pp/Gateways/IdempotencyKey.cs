namespace ElsaM3.M3pp.Gateways;

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

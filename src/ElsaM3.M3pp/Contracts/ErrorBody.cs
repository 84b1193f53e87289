namespace ElsaM3.M3pp.Contracts;

/// <summary>The RFC 7807-style error body of HUBis and CXM (§6.7).</summary>
public sealed record ErrorBody
{
    public required string Type { get; init; }
    public required string Title { get; init; }
    public int Status { get; init; }
    public required string Category { get; init; }
    public bool Retryable { get; init; }
    public string? CorrelationId { get; init; }
    public IReadOnlyList<ErrorItem> Errors { get; init; } = [];
    public string? ExistingReference { get; init; }
    public IReadOnlyList<string>? Missing { get; init; }
}

public sealed record ErrorItem(string Code, string? Field, string Message);

using ElsaM3.M3pp.Contracts;

namespace ElsaM3.Simulators.M3pp;

/// <summary>What a simulated operation came to: a success body or an error, before it becomes an HTTP answer.</summary>
public sealed record SimAnswer(int Status, object? Body, string? Location = null)
{
    public IReadOnlyList<ErrorItem>? Errors { get; init; }
    public string? ErrorCategory { get; init; }
    public string? ExistingReference { get; init; }
    public IReadOnlyList<string>? Missing { get; init; }
    public bool Replayed { get; init; }

    public static SimAnswer Invalid(IReadOnlyList<ErrorItem> errors, IReadOnlyList<string>? missing = null) =>
        new(422, null) { Errors = errors, ErrorCategory = "validation", Missing = missing };

    public static SimAnswer Conflict(string code, string message, string? existing = null) =>
        new(409, null) { Errors = [new ErrorItem(code, null, message)], ErrorCategory = "conflict", ExistingReference = existing };
}

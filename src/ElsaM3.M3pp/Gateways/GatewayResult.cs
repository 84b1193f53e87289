using System.Diagnostics.CodeAnalysis;
using ElsaM3.M3pp.Errors;

namespace ElsaM3.M3pp.Gateways;

/// <summary>The answer to one gateway call: a value, or a classified <see cref="M3Error"/>. Failures are values, not exceptions.</summary>
public sealed record GatewayResult<T>
{
    public T? Value { get; private init; }
    public M3Error? Error { get; private init; }
    public int? HttpStatus { get; init; }
    public string? CorrelationId { get; init; }

    /// <summary>M3 answered a repeated create with the original answer (<c>Idempotent-Replay: true</c>).</summary>
    public bool Replayed { get; init; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static GatewayResult<T> Success(T value) => new() { Value = value };

    public static GatewayResult<T> Failure(M3Error error) => new() { Error = error, HttpStatus = error.HttpStatus };
}

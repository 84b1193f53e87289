using ElsaM3.M3pp.Activities.Integration;
using ElsaM3.M3pp.Errors;

namespace ElsaM3.M3pp.Activities.Retry;

/// <summary>
/// The retry decision, in one place: what one attempt's result means for an M3 activity. A success is done; a
/// validation failure (the mappings, or M3 refusing a value) is invalid and never retried; a transient failure waits
/// and tries again until the attempts run out; any other failure gives up at once.
/// </summary>
public abstract record AttemptDecision
{
    private AttemptDecision() { }

    public sealed record Done(CallResult.Succeeded Success) : AttemptDecision;

    public sealed record Invalid(IReadOnlyList<string> Reasons) : AttemptDecision;

    public sealed record RetryAfter(TimeSpan Delay, CallResult.Failed Failure) : AttemptDecision;

    public sealed record GiveUp(string Reason, CallResult.Failed Failure) : AttemptDecision;

    /// <summary>The decision after attempt number <paramref name="attempt"/> (1 for the first) ended with <paramref name="result"/>.</summary>
    public static AttemptDecision After(CallResult result, int attempt, IntegrationRetryOptions retry) => result switch
    {
        CallResult.Succeeded success => new Done(success),
        CallResult.Invalid invalid => new Invalid(invalid.Reasons),
        CallResult.Failed { Error.Category: M3ErrorCategory.Validation } failed => new Invalid(failed.Error.Details.Select(d => d.Message).ToList()),
        CallResult.Failed { Error.IsRetryable: true } failed when attempt < retry.MaxAttempts =>
            new RetryAfter(retry.DelayBefore(attempt, failed.Error.RetryAfter), failed),
        CallResult.Failed { Error.IsRetryable: true } failed =>
            new GiveUp($"Failed ({failed.Error.Category.Name()}): gave up after {attempt} attempts; last error: {failed.Error.Message}", failed),
        CallResult.Failed failed => new GiveUp($"Failed ({failed.Error.Category.Name()}): {failed.Stage}: {failed.Error.Message}", failed),
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, "Unknown attempt result."),
    };
}

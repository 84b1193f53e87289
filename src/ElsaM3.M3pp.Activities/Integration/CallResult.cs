using ElsaM3.M3pp.Errors;

namespace ElsaM3.M3pp.Activities.Integration;

/// <summary>How one attempt of an integration call ended.</summary>
public abstract record CallResult
{
    public int? HttpStatus { get; init; }
    public string? CorrelationId { get; init; }

    /// <summary>Done: the activity's output and the worksheet reference or asset key(s) to log.</summary>
    public sealed record Succeeded(IntegrationOutput Output, string? ExternalReference, bool AlreadyExisted = false) : CallResult;

    /// <summary>M3 or CXM refused or could not be reached; <see cref="M3Error.Category"/> decides whether it is retried.</summary>
    public sealed record Failed(M3Error Error, string Stage) : CallResult
    {
        /// <summary>What already exists in M3 although a later step failed (a worksheet whose write-back to CXM failed).</summary>
        public string? ExternalReference { get; init; }

        /// <summary>A failed gateway call, described with the <paramref name="stage"/> it failed at.</summary>
        public static Failed Of<T>(ElsaM3.M3pp.Gateways.GatewayResult<T> call, string stage) =>
            new(call.Error!, stage) { HttpStatus = call.HttpStatus, CorrelationId = call.CorrelationId };
    }

    /// <summary>The mappings are wrong (found after reading back a record, e.g. a pull-back template error).</summary>
    public sealed record Invalid(IReadOnlyList<string> Reasons) : CallResult;
}

/// <summary>What every M3 activity outputs.</summary>
public class IntegrationOutput
{
    [ElsaM3.Workflows.Activities.Output(Description = "The worksheet reference or asset key(s) concerned.")]
    public string? Reference { get; set; }

    [ElsaM3.Workflows.Activities.Output(Description = "Why the activity ended Invalid or Failed: every reason.")]
    public List<string> Errors { get; set; } = [];

    [ElsaM3.Workflows.Activities.Output(Description = "How many calls were made.")]
    public int Attempts { get; set; }

    [ElsaM3.Workflows.Activities.Output(Description = "The record M3 returned (worksheet, asset or update summary).")]
    public object? Record { get; set; }
}

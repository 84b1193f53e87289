using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.Incidents;

namespace ElsaM3.Api.Tests;

/// <summary>What Studio's Test tab shows: status, the inputs as evaluated, outcomes, outputs and any fault.</summary>
public sealed record TestActivityResponse(
    ActivityStatus Status,
    IReadOnlyDictionary<string, object?> ActivityState,
    IReadOnlyDictionary<string, object?>? Payload,
    IReadOnlyDictionary<string, object?>? Outputs,
    ExceptionState? Exception)
{
    public static TestActivityResponse From(ActivityExecutionRecord record) => new(
        record.Status,
        record.ActivityState ?? [],
        // Studio reads the outcomes from the payload's "Outcomes".
        record.Payload?.TryGetValue("outcomes", out var outcomes) == true ? new Dictionary<string, object?> { ["Outcomes"] = outcomes } : null,
        record.Outputs,
        record.Exception);
}

using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Expressions;

namespace ElsaM3.M3pp.Activities.Activities;

/// <summary>The inputs of Watch Worksheet and Watch Asset.</summary>
public sealed class WatchInput
{
    [Input(Description = "Mandatory. The Reference (e.g. m3-worksheet) that holds the worksheet reference or asset key to watch.", Order = 1)]
    public string? Reference { get; set; }

    [Input(Description = "Optional. Carry on only when this holds over the record and the change, e.g. worksheet.status == \"CLOSED\" (Scriban) or worksheet.status === 'CLOSED' (JavaScript). Empty: any change.",
        DefaultSyntax = "Scriban", Order = 2)]
    public DeferredExpression? Condition { get; set; }

    [Input(Description = "Optional. Stop waiting after this long (outcome TimedOut), e.g. 30.00:00:00 for 30 days.", Order = 3)]
    public TimeSpan? Timeout { get; set; }
}

/// <summary>What a watch outputs when it carries on.</summary>
public sealed class WatchOutput
{
    [Output(Description = "The worksheet reference or asset key watched.")]
    public string? Reference { get; set; }

    [Output(Description = "The record as it is now (as last seen when it was deleted or the watch timed out).")]
    public object? Record { get; set; }

    [Output(Description = "The change: change (created, updated, deleted, current), changedAt and fields {name: {from, to}}.")]
    public object? Change { get; set; }

    [Output(Description = "Why the watch could not start (Invalid).")]
    public List<string> Errors { get; set; } = [];
}

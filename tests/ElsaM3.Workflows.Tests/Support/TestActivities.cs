using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Bookmarks;

namespace ElsaM3.Workflows.Tests.Support;

/// <summary>Records the order activities ran in.</summary>
public sealed class ExecutionTrace
{
    public List<string> Entries { get; } = [];
}

[Activity("Test", "Test", "Records its label and completes with the given outcomes.")]
[Outcomes("Done", "A", "B")]
public sealed class Record(ExecutionTrace trace) : Activity<RecordInput, RecordOutput>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, RecordInput input, CancellationToken cancellationToken)
    {
        trace.Entries.Add(input.Label ?? context.ActivityId);
        var outcomes = input.Outcomes is { Length: > 0 } o ? o : ["Done"];
        return ValueTask.FromResult<ActivityResult>(ActivityResult.WithOutcomes(outcomes, new RecordOutput { Result = input.Label }));
    }
}

public sealed class RecordInput
{
    [Input(Description = "What to record.")]
    public string? Label { get; set; }

    [Input(Description = "Outcomes to complete with.")]
    public string[]? Outcomes { get; set; }

    [Input(Description = "Never shown in execution records.", IsSensitive = true)]
    public string? Secret { get; set; }
}

public sealed class RecordOutput
{
    [Output(Description = "The label.")]
    public string? Result { get; set; }
}

[Activity("Test", "Test", "Suspends until resumed; resumes with the stimulus as its output.")]
public sealed class Wait(ExecutionTrace trace) : Activity<RecordInput, RecordOutput>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, RecordInput input, CancellationToken cancellationToken)
    {
        trace.Entries.Add($"wait:{input.Label ?? context.ActivityId}");
        return ValueTask.FromResult<ActivityResult>(ActivityResult.Suspend(new BookmarkRequest("Test.Wait", new Dictionary<string, object?> { ["label"] = input.Label })));
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, RecordInput input, CancellationToken cancellationToken)
    {
        trace.Entries.Add($"resumed:{input.Label ?? context.ActivityId}");
        return ValueTask.FromResult(Done(new RecordOutput { Result = context.Stimulus as string }));
    }
}

[Activity("Test", "Test", "Throws the given message; succeeds once FailTimes throws have happened.")]
public sealed class Throw(ExecutionTrace trace) : Activity<ThrowInput>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, ThrowInput input, CancellationToken cancellationToken)
    {
        var failures = trace.Entries.Count(e => e == $"throw:{context.ActivityId}");
        trace.Entries.Add($"throw:{context.ActivityId}");
        if (failures < input.FailTimes) throw new InvalidOperationException(input.Message ?? "boom");
        return ValueTask.FromResult(Done());
    }
}

public sealed class ThrowInput
{
    public string? Message { get; set; }
    public int FailTimes { get; set; } = int.MaxValue;
}

[Activity("Test", "Test", "Renders its templates itself and records what they rendered to; a dry run says so.")]
public sealed class Render(ExecutionTrace trace) : Activity<RenderInput>
{
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, RenderInput input, CancellationToken cancellationToken)
    {
        trace.Entries.Add(context.IsDryRun ? "render:dry-run" : "render");
        foreach (var template in new[] { input.Template, input.SecretTemplate })
            if (template?.InputName is { } name)
                context.RecordEvaluatedInput(name, await context.EvaluateAsync(template.Expression, typeof(string), name, cancellationToken));
        return Done();
    }
}

public sealed class RenderInput
{
    [Input(Description = "A template rendered by the activity.", DefaultSyntax = "Scriban")]
    public ElsaM3.Workflows.Expressions.DeferredExpression? Template { get; set; }

    [Input(Description = "A template whose rendering is never shown.", DefaultSyntax = "Scriban", IsSensitive = true)]
    public ElsaM3.Workflows.Expressions.DeferredExpression? SecretTemplate { get; set; }
}

using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Bookmarks;

namespace ElsaM3.Workflows.Primitives;

/// <summary>Suspends with a bookmark whose <c>ResumeAt</c> the server's scheduler honours, also across restarts.</summary>
[Activity("Elsa", "Scheduling", "Waits for the given time span, then continues.")]
public sealed class Delay : Activity<DelayInput>
{
    public const string BookmarkName = "Elsa.Delay";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, DelayInput input, CancellationToken cancellationToken)
    {
        var resumeAt = context.Now + input.TimeSpan;
        var payload = new Dictionary<string, object?> { ["resumeAt"] = resumeAt.ToString("O") };
        return ValueTask.FromResult<ActivityResult>(ActivityResult.Suspend(new BookmarkRequest(BookmarkName, payload) { ResumeAt = resumeAt }));
    }
}

public sealed class DelayInput
{
    [Input(Description = "How long to wait (hh:mm:ss).")]
    public TimeSpan TimeSpan { get; set; } = TimeSpan.FromMinutes(1);
}

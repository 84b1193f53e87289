using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Bookmarks;

namespace ElsaM3.Workflows.Primitives;

/// <summary>
/// Elsa's Event: waits until an event of this name is published (or, as a trigger, starts the workflow when one is);
/// its result is the event's payload.
/// </summary>
[Activity("Elsa", "Primitives", "Wait for an event to be published.", Kind = ActivityKind.Trigger)]
public sealed class Event : Trigger<EventInput, EventOutput>
{
    public const string BookmarkName = "Elsa.Event";

    public static Dictionary<string, object?> Stimulus(string eventName) => new() { ["eventName"] = eventName };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, EventInput input, CancellationToken cancellationToken)
    {
        if (context.IsTriggerOfWorkflow) return ValueTask.FromResult(Done(new EventOutput { Result = context.Stimulus }));
        return ValueTask.FromResult<ActivityResult>(ActivityResult.Suspend(new BookmarkRequest(BookmarkName, Stimulus(NameOf(input)))));
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, EventInput input, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Done(new EventOutput { Result = context.Stimulus }));

    public override IReadOnlyList<BookmarkRequest> GetTriggers(EventInput input) => [new BookmarkRequest(BookmarkName, Stimulus(NameOf(input)))];

    private static string NameOf(EventInput input) => string.IsNullOrWhiteSpace(input.EventName)
        ? throw new InvalidOperationException("Event: the event name is empty.")
        : input.EventName;
}

public sealed class EventInput
{
    [Input(Description = "The name of the event to listen for.")]
    public string? EventName { get; set; }
}

public sealed class EventOutput
{
    [Output(Description = "The payload the event was published with.")]
    public object? Result { get; set; }
}

using ElsaM3.Workflows.Bookmarks;

namespace ElsaM3.Workflows.Activities;

/// <summary>What an activity's execution came to. Expected failures are results, never exceptions.</summary>
public abstract record ActivityResult
{
    public static readonly IReadOnlyList<string> DoneOutcomes = ["Done"];

    /// <summary>Completed with these outcomes; connections from matching ports are followed.</summary>
    public sealed record Completed(IReadOnlyList<string> Outcomes, object? Output) : ActivityResult;

    /// <summary>Waiting for a stimulus; the workflow suspends until a bookmark is resumed.</summary>
    public sealed record Suspended(IReadOnlyList<BookmarkRequest> Bookmarks) : ActivityResult;

    /// <summary>Ends the workflow this activity is in with these outcomes (the <c>Complete</c> activity): a workflow used as an activity completes, the top one finishes.</summary>
    public sealed record CompleteComposite(IReadOnlyList<string> Outcomes) : ActivityResult;

    /// <summary>
    /// Runs the activity's body once per entry (its outputs, if any, are stored first), each run seeing that entry's variables (one entry: a loop's next turn; several:
    /// ParallelForEach; none: nothing to run, the activity completes). The activity stays running until every run ends.
    /// </summary>
    public sealed record RunBody(IReadOnlyList<IReadOnlyDictionary<string, object?>> Runs, object? Output = null) : ActivityResult;

    /// <summary>Elsa's Break: the nearest enclosing loop ends after this run of its body.</summary>
    public sealed record Break : ActivityResult;

    /// <summary>Ends the whole workflow at once (the <c>Finish</c> activity).</summary>
    public sealed record FinishWorkflow : ActivityResult;

    public static Completed Done(object? output = null) => new(DoneOutcomes, output);

    public static Completed Outcome(string outcome, object? output = null) => new([outcome], output);

    public static Completed WithOutcomes(IReadOnlyList<string> outcomes, object? output = null) => new(outcomes, output);

    public static Suspended Suspend(BookmarkRequest bookmark) => new([bookmark]);

    private static readonly IReadOnlyDictionary<string, object?> NoVariables = new Dictionary<string, object?>();

    /// <summary>Runs the body once, with these variables.</summary>
    public static RunBody RunBodyOnce(IReadOnlyDictionary<string, object?>? variables = null, object? output = null) => new([variables ?? NoVariables], output);
}

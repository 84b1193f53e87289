using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Expressions;

namespace ElsaM3.Workflows.Primitives;

/// <summary>Elsa's <c>Complete</c>: the workflow it is in completes at once with these outcomes (its parent routes on them).</summary>
[Activity("Elsa", "Composition", "Signals the current composite activity to complete itself as a whole.", IsTerminal = true)]
public sealed class Complete : Activity<CompleteInput>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CompleteInput input, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ActivityResult>(new ActivityResult.CompleteComposite(OutcomesOf(input.Outcomes)));

    /// <summary>One outcome, a list of them, or a JSON array of them; nothing means Done.</summary>
    internal static IReadOnlyList<string> OutcomesOf(object? value) => value is null
        ? ActivityResult.DoneOutcomes
        : ValueList.From(value).Select(outcome => outcome?.ToString() ?? "").ToList();
}

public sealed class CompleteInput
{
    [Input(Description = "The outcome or set of outcomes to complete this activity with.", UIHint = "outcome-picker", DefaultSyntax = "Object")]
    public object? Outcomes { get; set; }
}

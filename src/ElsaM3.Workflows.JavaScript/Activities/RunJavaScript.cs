using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Expressions;

namespace ElsaM3.Workflows.JavaScript.Activities;

/// <summary>
/// Elsa's Run JavaScript: runs a script (with the same functions as any JavaScript expression, plus <c>setOutcome</c> and
/// <c>setOutcomes</c>); its value is the <c>result</c> output, and it completes with the outcomes it set, else Done.
/// </summary>
[Activity("Elsa", "Scripting", "Executes JavaScript code", DisplayName = "Run JavaScript")]
public sealed class RunJavaScript : Activity<RunJavaScriptInput, RunJavaScriptOutput>
{
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, RunJavaScriptInput input, CancellationToken cancellationToken)
    {
        // The script is the text whatever syntax the box is in: Studio keeps it as a Literal, Elsa's default is JavaScript.
        var script = input.Script?.Expression.Text;
        if (string.IsNullOrWhiteSpace(script)) return Done(new RunJavaScriptOutput());
        context.Memory.RunItems.Remove(JavaScriptSession.OutcomesKey);
        var result = await context.EvaluateAsync(new Expression("JavaScript", script), typeof(object), "Script", cancellationToken);
        var outcomes = context.Memory.RunItems.Remove(JavaScriptSession.OutcomesKey, out var set) ? (IReadOnlyList<string>)set : ActivityResult.DoneOutcomes;
        return ActivityResult.WithOutcomes(outcomes, new RunJavaScriptOutput { Result = result });
    }
}

public sealed class RunJavaScriptInput
{
    [Input(Description = "The script to run.", UIHint = "code-editor", DefaultSyntax = "JavaScript")]
    public DeferredExpression? Script { get; set; }

    [Input(Description = "A list of possible outcomes.", UIHint = "dynamic-outcomes")]
    public string[] PossibleOutcomes { get; set; } = [];
}

public sealed class RunJavaScriptOutput
{
    [Output(Description = "The value of the script.")]
    public object? Result { get; set; }
}

namespace ElsaM3.Workflows.Expressions;

/// <summary>An expression could not be evaluated. Line and column are 1-based when known.</summary>
public class ExpressionException(string message, int? line = null, int? column = null, Exception? inner = null)
    : Exception(message, inner)
{
    public int? Line { get; } = line;
    public int? Column { get; } = column;

    /// <summary>
    /// Set when the expression went over a limit the server holds it to (time, memory) rather than being wrong: such a
    /// fault counts as a budget fault of the workflow (see <see cref="Execution.WorkflowBudget"/>).
    /// </summary>
    public Execution.WorkflowBudget? Budget { get; init; }

    /// <summary>The budget this exception, or the expression failure it wraps, went over.</summary>
    public static Execution.WorkflowBudget? BudgetOf(Exception exception) => exception switch
    {
        ExpressionException { Budget: { } budget } => budget,
        ExpressionException { InnerException: ExpressionException inner } => inner.Budget,
        _ => null,
    };
}

/// <summary>An expression failed while evaluating an activity's input; names the activity, input, syntax and position.</summary>
public sealed class ExpressionEvaluationException(string activity, string input, string syntax, ExpressionException inner)
    : ExpressionException(Format(activity, input, syntax, inner), inner.Line, inner.Column, inner)
{
    // Budget is read through BudgetOf, which looks at the wrapped failure.
    public string Activity { get; } = activity;
    public string Input { get; } = input;
    public string Syntax { get; } = syntax;

    private static string Format(string activity, string input, string syntax, ExpressionException inner)
    {
        var position = inner.Line is { } line ? $" at line {line}, column {inner.Column ?? 0}" : "";
        return $"Activity '{activity}', input '{input}': {syntax} expression failed{position}: {inner.Message}";
    }
}

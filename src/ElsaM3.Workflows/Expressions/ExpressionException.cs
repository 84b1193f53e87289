namespace ElsaM3.Workflows.Expressions;

/// <summary>An expression could not be evaluated. Line and column are 1-based when known.</summary>
public class ExpressionException(string message, int? line = null, int? column = null, Exception? inner = null)
    : Exception(message, inner)
{
    public int? Line { get; } = line;
    public int? Column { get; } = column;
}

/// <summary>An expression failed while evaluating an activity's input; names the activity, input, syntax and position.</summary>
public sealed class ExpressionEvaluationException(string activity, string input, string syntax, ExpressionException inner)
    : ExpressionException(Format(activity, input, syntax, inner), inner.Line, inner.Column, inner)
{
    public string Activity { get; } = activity;
    public string Input { get; } = input;
    public string Syntax { get; } = syntax;

    private static string Format(string activity, string input, string syntax, ExpressionException inner)
    {
        var position = inner.Line is { } line ? $" at line {line}, column {inner.Column ?? 0}" : "";
        return $"Activity '{activity}', input '{input}': {syntax} expression failed{position}: {inner.Message}";
    }
}

namespace ElsaM3.Workflows.Expressions;

/// <summary>
/// An evaluator that runs code a workflow's author wrote (a script, a template), which may take as much memory as it
/// is allowed: what it allocates counts against the burst's memory budget. Literals, variables and inputs do not.
/// </summary>
public interface IScriptEvaluator : IExpressionEvaluator;

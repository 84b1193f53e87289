using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Execution;

namespace ElsaM3.Runtime.ChildWorkflows;

/// <summary>
/// How many workflows stand between an instance and the outside cause that started the first of them: a child
/// workflow, or a run started by an event a workflow published, is one deeper than the instance that started it.
/// </summary>
public static class ChainDepth
{
    /// <summary>The instance property holding it (absent: 0, started from outside).</summary>
    public const string Property = "ChainDepth";

    public static int Of(IDictionary<string, object?> instanceProperties) => (instanceProperties.TryGetValue(Property, out var value) ? value : null) switch
    {
        int depth => depth,
        long depth => (int)depth,
        double depth => (int)depth,
        string text when int.TryParse(text, out var depth) => depth,
        _ => 0,
    };

    /// <summary>The depth of a run the activity starts; a budget fault of the activity when it would go past the limit.</summary>
    public static int Next(ActivityContext context, WorkflowRuntimeOptions options, string what)
    {
        var next = Of(context.WorkflowProperties) + 1;
        if (next > options.MaxChainDepth)
            throw new BudgetExceededException(WorkflowBudget.ChainDepth,
                $"{what} would be {next} workflows deep, more than {options.MaxChainDepth} ({WorkflowRuntimeOptions.Section}:MaxChainDepth); does a workflow start itself?");
        return next;
    }
}

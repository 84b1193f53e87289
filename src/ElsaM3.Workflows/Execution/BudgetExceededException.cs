namespace ElsaM3.Workflows.Execution;

/// <summary>A workflow went over one of its budgets; the instance faults with this as its incident.</summary>
public sealed class BudgetExceededException(WorkflowBudget budget, string message) : Exception(message)
{
    public WorkflowBudget Budget { get; } = budget;

    /// <summary>The instance property naming the budget a run went over (see <c>TriggerSuspensions</c>).</summary>
    public const string InstanceProperty = "BudgetExceeded";
}

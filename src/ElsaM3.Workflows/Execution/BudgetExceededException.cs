namespace ElsaM3.Workflows.Execution;

/// <summary>A workflow went over one of its budgets; the instance faults with this as its incident.</summary>
public sealed class BudgetExceededException(WorkflowBudget budget, string message) : Exception(message)
{
    public WorkflowBudget Budget { get; } = budget;

    /// <summary>The incident's message and the instance property naming the budget.</summary>
    public const string InstanceProperty = "BudgetExceeded";
}

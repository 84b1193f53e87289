using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.Triggers;

namespace ElsaM3.Runtime.Triggers;

/// <summary>
/// Checks the triggers a version would publish before they are indexed, so one workflow cannot break another's
/// (an HTTP route that cannot be parsed, or that overlaps a published one). Throws
/// <see cref="WorkflowDefinitionException"/> for an invalid trigger and <see cref="TriggerConflictException"/> for a clash.
/// </summary>
public interface ITriggerValidator
{
    ValueTask ValidateAsync(string definitionId, IReadOnlyList<WorkflowTrigger> triggers, CancellationToken cancellationToken);
}

/// <summary>A trigger that clashes with one another workflow already published; the message names both.</summary>
public sealed class TriggerConflictException(string message, IReadOnlyList<string> conflictingDefinitionIds) : WorkflowDefinitionException(message)
{
    public IReadOnlyList<string> ConflictingDefinitionIds { get; } = conflictingDefinitionIds;
}

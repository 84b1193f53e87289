using ElsaM3.Workflows.Execution;

namespace ElsaM3.Runtime.Triggers;

/// <summary>
/// What a caller must be to start a workflow directly (execute, dispatch, Studio's Run) rather than through its triggers:
/// a trigger that only lets callers with a policy in (a CXM case trigger: <c>cxm</c>) must not be stepped around.
/// </summary>
public interface IDirectStartRules
{
    /// <summary>The policies the workflow's triggers require of their callers.</summary>
    ValueTask<IReadOnlyList<string>> RequiredPoliciesAsync(WorkflowGraph graph, CancellationToken cancellationToken);
}

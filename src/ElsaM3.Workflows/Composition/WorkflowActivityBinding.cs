using ElsaM3.Workflows.Definitions;
using ElsaM3.Workflows.Expressions;

namespace ElsaM3.Workflows.Composition;

/// <summary>How a workflow-as-activity node feeds its workflow: the inputs the parent evaluates and where its outputs go.</summary>
public sealed record WorkflowActivityBinding(
    WorkflowDefinition Workflow,
    IReadOnlyList<(string Name, Expression? Expression)> Inputs,
    IReadOnlyList<(string Name, string MemoryId)> Outputs);

using ElsaM3.Workflows.Definitions;
using ElsaM3.Workflows.Execution;

namespace ElsaM3.Workflows.Composition;

/// <summary>
/// The workflow an activity belongs to inside a graph: the compiled definition itself, or a workflow embedded as an
/// activity (<see cref="Owner"/>), which has its own variables, inputs and outputs.
/// </summary>
public sealed class CompiledScope(WorkflowDefinition definition, CompiledNode? owner)
{
    public WorkflowDefinition Definition { get; } = definition;

    /// <summary>The workflow-as-activity node whose body this scope is; <c>null</c> for the workflow being run.</summary>
    public CompiledNode? Owner { get; } = owner;

    private readonly List<VariableDefinition> _variables = definition.Variables
        .Concat(definition.Root.DescendantsAndSelf().SelectMany(n => n.Variables ?? []))
        .GroupBy(v => v.Id).Select(g => g.First()).ToList();

    /// <summary>Workflow-level and flowchart-level variables of this workflow, those of loop bodies' flowcharts included.</summary>
    public IReadOnlyList<VariableDefinition> Variables => _variables;

    /// <summary>Adds the variables of an embedded body's flowcharts, which the definition's own tree does not hold (compile time only).</summary>
    internal void Declare(IEnumerable<VariableDefinition> variables)
    {
        foreach (var variable in variables)
            if (!_variables.Exists(v => v.Id == variable.Id)) _variables.Add(variable);
    }

    public bool IsRoot => Owner is null;

    public bool DeclaresOutput(string name) => Definition.Outputs.Exists(o => string.Equals(o.Name, name, StringComparison.Ordinal));
}

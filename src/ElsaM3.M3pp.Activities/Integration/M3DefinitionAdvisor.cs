using ElsaM3.M3pp.Activities.Activities;
using ElsaM3.Runtime.Definitions;
using ElsaM3.Workflows.Execution;

namespace ElsaM3.M3pp.Activities.Integration;

/// <summary>
/// Publish warnings for the M3 activities: an <c>Invalid</c> or <c>Failed</c> outcome nothing handles (the instance
/// will fault with an incident), and a mapping that holds a template but is set to Literal (sent as typed).
/// </summary>
public sealed class M3DefinitionAdvisor : IDefinitionAdvisor
{
    private static readonly string[] FailureOutcomes = [M3Outcomes.Invalid, M3Outcomes.Failed];

    public IEnumerable<string> Advise(WorkflowGraph graph)
    {
        foreach (var node in graph.Nodes)
        {
            if (node.Type?.Descriptor.Namespace != M3ppCategory.Namespace) continue;
            var name = $"'{node.DisplayName}' ({node.Type.Descriptor.DisplayName})";
            foreach (var outcome in FailureOutcomes.Where(o => node.Parent?.Flow?.HasOutbound(node.Id, o) != true))
                yield return $"{name}: its {outcome} outcome is not connected, so a {(outcome == M3Outcomes.Invalid ? "validation failure" : "failure after every retry")} faults the instance with an incident. Connect it to handle the failure in the workflow.";
            foreach (var input in node.Inputs.Where(i => IntegrationScope.IsTemplateInLiteral(i.Expression)))
            {
                var display = node.Type.Descriptor.Inputs.FirstOrDefault(d => d.Name == input.Binding.Name)?.DisplayName ?? input.Binding.Name;
                yield return $"{name}: '{display}' looks like a template but the syntax is Literal; choose Scriban or it is refused at run time.";
            }
        }
    }
}

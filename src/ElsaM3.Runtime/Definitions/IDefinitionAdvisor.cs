using ElsaM3.Workflows.Execution;

namespace ElsaM3.Runtime.Definitions;

/// <summary>
/// Looks over a saved workflow for what will run but probably not as meant (a failure outcome nothing handles, a
/// template in a plain-text box); save and publish answer these as warnings, and still save.
/// </summary>
public interface IDefinitionAdvisor
{
    IEnumerable<string> Advise(WorkflowGraph graph);
}

using System.Text;
using ElsaM3.Workflows.Definitions;

namespace ElsaM3.Workflows.JavaScript;

/// <summary>
/// The TypeScript declarations Studio's JavaScript editor completes from (Elsa's <c>type-definitions</c>): the functions
/// every script has (<see cref="JavaScriptSession"/> defines them) and the accessors of this workflow's variables and inputs.
/// </summary>
public static class JavaScriptTypeDefinitions
{
    private const string Common = """
        declare function getVariable(name: string): any;
        declare function setVariable(name: string, value: any): void;
        declare function getInput(name: string): any;
        declare function getOutputFrom(activityNameOrId: string, outputName: string): any;
        declare function getLastResult(): any;
        declare function getWorkflowInstanceId(): string;
        declare function getWorkflowDefinitionId(): string;
        declare function getCorrelationId(): string | null;
        declare function setCorrelationId(value: string | null): void;
        declare function setOutcome(outcome: string): void;
        declare function setOutcomes(outcomes: string[]): void;
        declare const variables: { [name: string]: any };

        """;

    public static string For(WorkflowDefinition definition)
    {
        var text = new StringBuilder(Common);
        var variables = definition.Variables.Concat(definition.Root.DescendantsAndSelf().SelectMany(n => n.Variables ?? []));
        foreach (var name in variables.Select(v => v.Name).Where(JavaScriptSession.IsIdentifier).Distinct())
            text.Append("declare function get").Append(name).Append("(): any;\n")
                .Append("declare function set").Append(name).Append("(value: any): void;\n");
        foreach (var name in definition.Inputs.Select(i => i.Name).Where(JavaScriptSession.IsIdentifier).Distinct())
            text.Append("declare function get").Append(name).Append("(): any;\n");
        return text.ToString();
    }
}

using System.Text.RegularExpressions;
using ElsaM3.Workflows.Definitions;
using ElsaM3.Workflows.Descriptors;
using ElsaM3.Workflows.Execution;

namespace ElsaM3.Runtime.Definitions;

/// <summary>
/// What a definition must be before anything of it is stored: ids that are plain names (no paths, no control
/// characters), bounded text, a version that is not negative, and variables of allowed types only.
/// </summary>
public static partial class DefinitionRules
{
    public const int MaxIdLength = 100;
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 4000;

    /// <summary>Throws <see cref="WorkflowDefinitionException"/> ("field: reason") for the first rule broken.</summary>
    public static void Check(WorkflowDefinition model)
    {
        CheckId("definitionId", model.DefinitionId);
        CheckId("id", model.Id);
        if (model.Version < 0) throw new WorkflowDefinitionException($"version: must be 0 or more, not {model.Version}.");
        CheckText("name", model.Name, MaxNameLength);
        CheckText("description", model.Description, MaxDescriptionLength);
        var variables = model.Variables.Concat(model.Root.DescendantsAndSelf().SelectMany(n => n.Variables ?? [])).ToList();
        if (variables.IndexOf(null!) is var missing and >= 0) throw new WorkflowDefinitionException($"variables: item {missing} is null; a variable needs at least an id and a name.");
        foreach (var variable in variables)
        {
            if (!TypeAliases.IsAllowed(variable.TypeName))
                throw new WorkflowDefinitionException(
                    $"variables: variable '{variable.Name}' has type '{variable.TypeName}', which is not allowed; use one of {string.Join(", ", TypeAliases.Allowed)} (or an array of one).");
        }
    }

    private static void CheckId(string field, string? id)
    {
        if (string.IsNullOrEmpty(id)) return;
        if (id.Length > MaxIdLength) throw new WorkflowDefinitionException($"{field}: is longer than {MaxIdLength} characters.");
        if (!IdPattern().IsMatch(id))
            throw new WorkflowDefinitionException($"{field}: '{Printable(id)}' may only hold letters, digits, '-', '_' and '.', and may not start with '.'.");
    }

    private static void CheckText(string field, string? text, int max)
    {
        if (text is null) return;
        if (text.Length > max) throw new WorkflowDefinitionException($"{field}: is {text.Length} characters long; at most {max} are allowed.");
        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            throw new WorkflowDefinitionException($"{field}: holds a control character.");
    }

    private static string Printable(string text) => string.Concat(text.Take(60).Select(c => char.IsControl(c) ? '?' : c));

    [GeneratedRegex(@"^[A-Za-z0-9_-][A-Za-z0-9_.-]*$")]
    private static partial Regex IdPattern();
}

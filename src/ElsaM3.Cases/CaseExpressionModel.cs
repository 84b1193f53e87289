using ElsaM3.Workflows.Expressions;

namespace ElsaM3.Cases;

/// <summary>
/// Puts the parts of the workflow's case at the template root (<c>case</c> is a Scriban keyword):
/// <c>fields</c> (choice fields give their value), <c>labels</c> (choice fields give their label),
/// <c>dates</c>, <c>person</c>, <c>address</c>, <c>references</c>, the case's own scalars, and <c>Case</c>.
/// </summary>
public sealed class CaseExpressionModel : IExpressionModelContributor
{
    public const string VariableName = "Case";

    public void Contribute(ExpressionContext context, IDictionary<string, object?> root)
    {
        if (FindCase(context.Memory) is not { } @case) return;
        foreach (var (key, value) in @case)
            if (key is not ("fields" or "Case")) root[key] = value;
        var fields = (@case.TryGetValue("fields", out var f) ? f : null) as IDictionary<string, object?>;
        root["fields"] = fields?.ToDictionary(p => p.Key, p => ChoiceValue(p.Value)) ?? [];
        root["labels"] = fields?.ToDictionary(p => p.Key, p => ChoiceLabel(p.Value)) ?? [];
        if (!root.ContainsKey("dates") || root["dates"] is null) root["dates"] = new Dictionary<string, object?>();
        if (!root.ContainsKey("references") || root["references"] is null) root["references"] = new Dictionary<string, object?>();
        root["Case"] = @case;
    }

    /// <summary>The case the workflow holds: its <c>Case</c> variable, else its <c>Case</c> input.</summary>
    public static IDictionary<string, object?>? FindCase(IWorkflowMemory memory)
    {
        if (memory.TryGetVariable(VariableName, out var variable) && variable is IDictionary<string, object?> fromVariable)
            return fromVariable;
        return memory.Input.FirstOrDefault(p => string.Equals(p.Key, VariableName, StringComparison.OrdinalIgnoreCase)).Value as IDictionary<string, object?>;
    }

    private static object? ChoiceValue(object? value) =>
        value is IDictionary<string, object?> choice && choice.ContainsKey("value") ? choice["value"] : value;

    private static object? ChoiceLabel(object? value) =>
        value is IDictionary<string, object?> choice && choice.ContainsKey("label") ? choice["label"] : value;
}

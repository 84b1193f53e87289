using ElsaM3.Workflows.Definitions;
using ElsaM3.Workflows.Expressions;

namespace ElsaM3.Workflows.Tests.Support;

/// <summary>A workflow's memory for evaluating an expression alone: string variables by name, nothing else.</summary>
public sealed class StringVariables(Dictionary<string, string> values) : IWorkflowMemory
{
    public string WorkflowInstanceId => "i-1";
    public string WorkflowDefinitionId => "d-1";
    public string? CorrelationId { get; set; }

    public IReadOnlyList<VariableDefinition> VariableDefinitions { get; } =
        values.Keys.Select(name => new VariableDefinition { Id = name.ToLowerInvariant(), Name = name, TypeName = "String" }).ToList();

    public bool TryGetVariable(string name, out object? value)
    {
        var found = values.TryGetValue(name, out var text);
        value = text;
        return found;
    }

    public void SetVariable(string nameOrId, object? value) => throw new NotSupportedException();
    public IDictionary<string, object?> Input { get; } = new Dictionary<string, object?>();
    public IDictionary<string, object?> Output { get; } = new Dictionary<string, object?>();
    public object? GetActivityOutput(string activityNameOrId, string outputName) => null;
    public object? LastResult => null;
    public IDictionary<object, object> RunItems { get; } = new Dictionary<object, object>();
}

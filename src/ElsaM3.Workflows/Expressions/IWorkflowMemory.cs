using ElsaM3.Workflows.Definitions;

namespace ElsaM3.Workflows.Expressions;

/// <summary>The workflow data an expression reads and writes.</summary>
public interface IWorkflowMemory
{
    string WorkflowInstanceId { get; }
    string WorkflowDefinitionId { get; }
    string? CorrelationId { get; set; }

    /// <summary>Declared variables in scope (workflow and flowchart level).</summary>
    IReadOnlyList<VariableDefinition> VariableDefinitions { get; }

    bool TryGetVariable(string name, out object? value);

    /// <summary>Sets a declared variable by name or id; throws when no such variable exists.</summary>
    void SetVariable(string nameOrId, object? value);

    /// <summary>The workflow's input; a trigger may add to it (the case trigger binds the case here).</summary>
    IDictionary<string, object?> Input { get; }

    IDictionary<string, object?> Output { get; }

    /// <summary>An output of an activity found by name or id; <c>null</c> when it has not run.</summary>
    object? GetActivityOutput(string activityNameOrId, string outputName);

    /// <summary>The main output of the activity that completed last.</summary>
    object? LastResult { get; }

    /// <summary>Scratch space for one execution burst, e.g. a reusable script engine.</summary>
    IDictionary<object, object> RunItems { get; }
}

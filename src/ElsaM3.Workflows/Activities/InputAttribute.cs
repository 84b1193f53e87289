namespace ElsaM3.Workflows.Activities;

/// <summary>Marks a property of an activity's input class as an input shown in Studio.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class InputAttribute : Attribute
{
    public string? DisplayName { get; init; }
    public string? Description { get; init; }
    public string? Category { get; init; }

    /// <summary>Studio editor, e.g. <c>singleline</c>, <c>multiline</c>, <c>dropdown</c>; derived from the type when unset.</summary>
    public string? UIHint { get; init; }

    /// <summary>Syntax Studio preselects; <c>Literal</c> when unset.</summary>
    public string? DefaultSyntax { get; init; }

    /// <summary>Values offered by a <c>dropdown</c>, <c>checklist</c> or <c>radiolist</c>.</summary>
    public string[]? Options { get; init; }
    /// <summary>
    /// A drop-down whose choices an <see cref="Descriptors.IInputOptionsProvider"/> supplies when the activity is
    /// selected (e.g. M3 codes from HUBis lookups); another syntax can still be chosen.
    /// </summary>
    public bool RefreshOptions { get; init; }

    public int Order { get; init; }
    public bool IsBrowsable { get; init; } = true;

    /// <summary>Wrapped inputs hold an expression (<c>{typeName, expression}</c>); plain inputs hold raw JSON.</summary>
    public bool IsWrapped { get; init; } = true;
    public bool IsReadOnly { get; init; }
    public bool IsSensitive { get; init; }

    /// <summary>Overrides the Elsa type alias shown by Studio (for example <c>System.Net.HttpStatusCode, System.Net.Primitives</c>).</summary>
    public string? TypeName { get; init; }
}

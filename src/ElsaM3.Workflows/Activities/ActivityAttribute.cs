namespace ElsaM3.Workflows.Activities;

/// <summary>Describes an activity type: its type name is <c>Namespace.ClassName</c>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ActivityAttribute(string @namespace, string category, string description) : Attribute
{
    public string Namespace { get; } = @namespace;
    public string Category { get; } = category;
    public string Description { get; } = description;

    /// <summary>Toolbox text; defaults to the class name split into words.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Overrides the class name part of the type name.</summary>
    public string? TypeName { get; init; }
    public ActivityKind Kind { get; init; } = ActivityKind.Action;
    public int Version { get; init; } = 1;

    /// <summary>Hidden from the toolbox when <c>false</c>.</summary>
    public bool IsBrowsable { get; init; } = true;

    /// <summary>A start node has no inbound port.</summary>
    public bool IsStart { get; init; }

    /// <summary>A terminal node completes its flowchart and has no default <c>Done</c> port.</summary>
    public bool IsTerminal { get; init; }
}

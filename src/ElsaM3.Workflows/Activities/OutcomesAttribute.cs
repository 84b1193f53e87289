namespace ElsaM3.Workflows.Activities;

/// <summary>The outcome ports an activity can complete with; without it an activity has the single port <c>Done</c>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OutcomesAttribute(params string[] names) : Attribute
{
    public IReadOnlyList<string> Names { get; } = names;
}

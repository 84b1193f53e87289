namespace ElsaM3.Runtime.Journal;

/// <summary>A page of one instance's journal, optionally filtered (the body of Elsa's journal <c>POST</c>).</summary>
public sealed record JournalQuery(string WorkflowInstanceId)
{
    public IReadOnlyCollection<string>? ActivityIds { get; init; }
    public IReadOnlyCollection<string>? ActivityNodeIds { get; init; }
    public IReadOnlyCollection<string>? ExcludedActivityTypes { get; init; }
    public IReadOnlyCollection<string>? EventNames { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = 100;
}

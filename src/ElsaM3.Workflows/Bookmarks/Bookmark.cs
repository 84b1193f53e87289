namespace ElsaM3.Workflows.Bookmarks;

/// <summary>An outstanding wait in a workflow instance (Elsa's in-state bookmark).</summary>
public sealed class Bookmark
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Hash { get; set; } = "";
    public object? Payload { get; set; }
    public string ActivityId { get; set; } = "";
    public string ActivityNodeId { get; set; } = "";
    public string ActivityInstanceId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResumeAt { get; set; }
    public bool AutoBurn { get; set; } = true;
}

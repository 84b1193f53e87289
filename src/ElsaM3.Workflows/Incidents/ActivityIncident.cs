namespace ElsaM3.Workflows.Incidents;

/// <summary>A fault recorded against an activity (Elsa's <c>ActivityIncident</c>).</summary>
public sealed class ActivityIncident
{
    public string ActivityId { get; set; } = "";
    public string ActivityNodeId { get; set; } = "";
    public string ActivityInstanceId { get; set; } = "";
    public string ActivityType { get; set; } = "";
    public string Message { get; set; } = "";
    public ExceptionState? Exception { get; set; }
    public DateTimeOffset Timestamp { get; set; }
}

/// <summary>A serializable picture of an exception.</summary>
public sealed partial record ExceptionState(string Type, string Message, string? StackTrace, ExceptionState? InnerException)
{
    public static ExceptionState From(Exception exception) => new(
        exception.GetType().FullName ?? exception.GetType().Name,
        exception.Message,
        WithoutSourcePaths(exception.StackTrace),
        exception.InnerException is null ? null : From(exception.InnerException));

    /// <summary>The frames, without the build machine's source paths (" in /src/…/File.cs:line 12").</summary>
    public static string? WithoutSourcePaths(string? stackTrace) => stackTrace is null ? null : SourcePath().Replace(stackTrace, "");

    [System.Text.RegularExpressions.GeneratedRegex(@" in [^\r\n]*?:line \d+")]
    private static partial System.Text.RegularExpressions.Regex SourcePath();
}

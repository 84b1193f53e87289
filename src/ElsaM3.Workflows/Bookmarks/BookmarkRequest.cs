namespace ElsaM3.Workflows.Bookmarks;

/// <summary>
/// What an activity asks for when it suspends: a stimulus name and payload (hashed for lookup) and,
/// for timers, the moment the scheduler should resume it.
/// </summary>
public sealed record BookmarkRequest(string Name, object? Payload = null)
{
    public DateTimeOffset? ResumeAt { get; init; }

    /// <summary>Deletes the bookmark when it is resumed (the default).</summary>
    public bool AutoBurn { get; init; } = true;

    /// <summary>
    /// The part of the payload the bookmark is found by, when the payload also carries data the finder does not
    /// know (an HTTP endpoint's access rules); by default the whole payload.
    /// </summary>
    public object? LookupPayload { get; init; }
}

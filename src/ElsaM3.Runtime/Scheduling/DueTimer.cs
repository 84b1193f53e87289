namespace ElsaM3.Runtime.Scheduling;

/// <summary>A timer bookmark that has fallen due, claimed by this node for resuming.</summary>
public sealed record DueTimer(string BookmarkId, string WorkflowInstanceId);

/// <summary>
/// Who claims due timers, when, and for how long: until <see cref="Until"/> no other node takes them; after it (the node
/// died mid-resume) another may.
/// </summary>
public readonly record struct TimerClaim(string Node, DateTimeOffset Now, TimeSpan Lease)
{
    public DateTimeOffset Until => Now + Lease;
}

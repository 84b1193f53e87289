namespace ElsaM3.Audit;

/// <summary>Who did what, when, from where. Never holds a credential: the detail names what changed, not its value.</summary>
public sealed record AuditEntry
{
    public required string Id { get; init; }
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The user or application name; for a failed sign-in, the name that was tried.</summary>
    public required string Actor { get; init; }
    public required ActorKind ActorKind { get; init; }
    public required AuditAction Action { get; init; }

    /// <summary>What the action was done to, e.g. a workflow definition id or <c>m3pp</c> for the settings.</summary>
    public string? Target { get; init; }
    public string? ClientAddress { get; init; }
    public string? Detail { get; init; }
}

public enum ActorKind
{
    Anonymous,
    User,
    Application,
}

namespace ElsaM3.Persistence.Entities;

public sealed class AuditRow
{
    public string Id { get; set; } = "";
    public DateTimeOffset Timestamp { get; set; }
    public string Actor { get; set; } = "";
    public string ActorKind { get; set; } = "";
    public string Action { get; set; } = "";
    public string? Target { get; set; }
    public string? ClientAddress { get; set; }
    public string? Detail { get; set; }
}

namespace ElsaM3.Runtime.IntegrationLog;

public enum IntegrationOutcome
{
    Success,
    Invalid,
    Failed,
    Retrying,
    AlreadyExists,

    /// <summary>An inbound change reached a watching case whose condition did not hold: it keeps watching.</summary>
    Skipped,
}

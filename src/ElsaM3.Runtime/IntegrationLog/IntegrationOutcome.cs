namespace ElsaM3.Runtime.IntegrationLog;

public enum IntegrationOutcome
{
    Success,
    Invalid,
    Failed,
    Retrying,
    AlreadyExists,
}

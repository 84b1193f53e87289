namespace ElsaM3.Audit;

/// <summary>What was done. Stored by name, so new actions may be added but none renamed.</summary>
public enum AuditAction
{
    SignIn,
    SignInFailed,
    SignInLockedOut,
    DefinitionSaved,
    DefinitionPublished,
    DefinitionRetracted,
    DefinitionDeleted,
    DefinitionVersionDeleted,
    DefinitionImported,
    InstanceCancelled,
    InstanceDeleted,
    InstanceRetried,
    SettingsChanged,
    ApplicationKeyUsed,
    TriggersResumed,
    WorkflowExecuted,
    WorkflowDispatched,
    EventTriggered,
    ActivityTested,
    SignOut,
    SessionRevoked,
}

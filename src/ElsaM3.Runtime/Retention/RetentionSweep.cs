namespace ElsaM3.Runtime.Retention;

/// <summary>What one retention sweep deleted: finished (or cancelled) and faulted instances, integration log entries.</summary>
public sealed record RetentionSweep(int FinishedInstances, int FaultedInstances, int IntegrationLogEntries);

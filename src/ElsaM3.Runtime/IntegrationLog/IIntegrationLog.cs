namespace ElsaM3.Runtime.IntegrationLog;

/// <summary>Where integration log entries are kept (they are written by the burst's commit, <c>WorkflowCommit.IntegrationLog</c>).</summary>
public interface IIntegrationLog
{
    /// <summary>Newest first.</summary>
    Task<Stores.Page<IntegrationLogEntry>> QueryAsync(IntegrationLogQuery query, CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="max"/> of the oldest entries written before <paramref name="cutoff"/>; returns how many went.</summary>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, int max, CancellationToken cancellationToken);
}

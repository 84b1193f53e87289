using ElsaM3.Runtime.IntegrationLog;
using ElsaM3.Workflows.Execution;

namespace ElsaM3.Persistence.Stores;

/// <summary>
/// The rows a batch of commits writes: each instance's last state (with its bookmarks and incidents), every journal
/// chunk, each activity execution's latest record and every integration log entry, with the node that ran them.
/// </summary>
internal sealed record CommitRows(
    string NodeName,
    IReadOnlyCollection<SerializedCommit> FinalStates,
    IReadOnlyList<SerializedCommit> Journals,
    IReadOnlyCollection<(ActivityExecutionRecord Record, byte[] Json)> ActivityExecutions,
    IReadOnlyList<(IntegrationLogEntry Entry, string MessagesJson)> IntegrationLog)
{
    public static CommitRows From(IReadOnlyList<SerializedCommit> commits, string nodeName)
    {
        var finalStates = new Dictionary<string, SerializedCommit>();
        foreach (var commit in commits) finalStates[commit.State.Id] = commit;
        var records = new Dictionary<string, (ActivityExecutionRecord Record, byte[] Json)>();
        foreach (var commit in commits)
        foreach (var record in commit.ActivityExecutions)
            records[record.Record.Id] = record;
        return new CommitRows(
            nodeName,
            finalStates.Values,
            commits.Where(c => c.JournalJson is not null).ToList(),
            records.Values,
            commits.SelectMany(c => c.IntegrationLog).Select(e => (e, System.Text.Json.JsonSerializer.Serialize(e.Messages))).ToList());
    }
}

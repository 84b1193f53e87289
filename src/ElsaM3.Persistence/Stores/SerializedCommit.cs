using ElsaM3.Persistence.Journal;
using ElsaM3.Runtime.Instances;
using ElsaM3.Runtime.IntegrationLog;
using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.Serialization;

namespace ElsaM3.Persistence.Stores;

/// <summary>A commit with its JSON already written, as UTF-8 (on the committing thread, so the single writer only writes).</summary>
internal sealed record SerializedCommit(
    WorkflowState State, byte[] StateJson, byte[]? JournalJson, long FirstSequence, long LastSequence,
    IReadOnlyList<(ActivityExecutionRecord Record, byte[] Json)> ActivityExecutions,
    IReadOnlyList<IntegrationLogEntry> IntegrationLog)
{
    public static SerializedCommit From(WorkflowCommit commit) => new(
        commit.State,
        WorkflowJson.SerializeToUtf8(commit.State),
        commit.Journal.Count == 0 ? null : JournalChunkFormat.Serialize(commit.Journal),
        commit.Journal.Count == 0 ? 0 : commit.Journal[0].Sequence,
        commit.Journal.Count == 0 ? 0 : commit.Journal[^1].Sequence,
        commit.ActivityExecutions.Select(r => (r, WorkflowJson.SerializeToUtf8(r))).ToList(),
        commit.IntegrationLog);
}

using System.Text.Json.Serialization;
using ElsaM3.Workflows.Serialization;
using ElsaM3.Workflows.Journal;

namespace ElsaM3.Persistence.Journal;

/// <summary>
/// How a burst's journal entries are stored: fields shared by the whole chunk (instance, definition) are left
/// out and names are short, which halves the bytes the journal adds per run.
/// </summary>
internal static class JournalChunkFormat
{
    public static byte[] Serialize(IReadOnlyList<ExecutionLogRecord> records) =>
        WorkflowJson.SerializeToUtf8(records.Select(r => new Entry(r.Id, r.ActivityInstanceId, r.ParentActivityInstanceId, r.ActivityId, r.ActivityType,
            r.ActivityTypeVersion, r.ActivityName, r.NodeId, r.Timestamp, r.Sequence, r.EventName, r.Message, r.Source, r.Payload)).ToList());

    public static IEnumerable<ExecutionLogRecord> Deserialize(string json, string workflowInstanceId) =>
        WorkflowJson.Deserialize<List<Entry>>(json).Select(e => new ExecutionLogRecord
        {
            Id = e.Id, WorkflowInstanceId = workflowInstanceId, ActivityInstanceId = e.ActivityInstanceId, ParentActivityInstanceId = e.ParentActivityInstanceId,
            ActivityId = e.ActivityId, ActivityType = e.ActivityType, ActivityTypeVersion = e.ActivityTypeVersion, ActivityName = e.ActivityName,
            NodeId = e.NodeId, Timestamp = e.Timestamp, Sequence = e.Sequence, EventName = e.EventName, Message = e.Message, Source = e.Source,
            Payload = e.Payload,
        });

    private sealed record Entry(
        [property: JsonPropertyName("i")] string Id,
        [property: JsonPropertyName("a")] string ActivityInstanceId,
        [property: JsonPropertyName("p")] string? ParentActivityInstanceId,
        [property: JsonPropertyName("ai")] string ActivityId,
        [property: JsonPropertyName("t")] string ActivityType,
        [property: JsonPropertyName("tv")] int ActivityTypeVersion,
        [property: JsonPropertyName("n")] string? ActivityName,
        [property: JsonPropertyName("ni")] string NodeId,
        [property: JsonPropertyName("ts")] DateTimeOffset Timestamp,
        [property: JsonPropertyName("s")] long Sequence,
        [property: JsonPropertyName("e")] string EventName,
        [property: JsonPropertyName("m")] string? Message,
        [property: JsonPropertyName("src")] string? Source,
        [property: JsonPropertyName("d")] object? Payload);
}

using ElsaM3.Runtime.IntegrationLog;
using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.Serialization;
using Microsoft.Data.Sqlite;

namespace ElsaM3.Persistence.Sqlite;

/// <summary>
/// The writer's prepared statements, kept for the life of its connection and run inside the transaction opened by
/// <see cref="Begin"/> (table and column names as in the EF model and its migrations).
/// </summary>
internal sealed class CommitCommands(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, PreparedStatement> _statements = [];

    public SqliteTransaction Begin() => connection.BeginTransaction();

    public void UpsertInstance(WorkflowState state, byte[] data, string nodeName) => Statement("""
        INSERT INTO WorkflowInstances (Id, DefinitionId, DefinitionVersionId, Version, Status, SubStatus, CorrelationId, Name, IncidentCount, CreatedAt, UpdatedAt, FinishedAt, Data, NodeName)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
        ON CONFLICT(Id) DO UPDATE SET Status = excluded.Status, SubStatus = excluded.SubStatus, CorrelationId = excluded.CorrelationId,
            Name = excluded.Name, IncidentCount = excluded.IncidentCount, UpdatedAt = excluded.UpdatedAt, FinishedAt = excluded.FinishedAt, Data = excluded.Data,
            NodeName = excluded.NodeName
        """)
        .Bind(1, state.Id).Bind(2, state.DefinitionId).Bind(3, state.DefinitionVersionId).Bind(4, state.DefinitionVersion)
        .Bind(5, (int)state.Status).Bind(6, (int)state.SubStatus).Bind(7, state.CorrelationId).Bind(8, state.Name)
        .Bind(9, state.Incidents.Count).Bind(10, state.CreatedAt.UtcTicks).Bind(11, state.UpdatedAt.UtcTicks)
        .Bind(12, state.FinishedAt?.UtcTicks).BindUtf8(13, data).Bind(14, nodeName)
        .Execute();

    public void ReplaceBookmarksAndIncidents(WorkflowState state)
    {
        DeleteRowsOf("Bookmarks", state.Id);
        DeleteRowsOf("Incidents", state.Id);
        foreach (var bookmark in state.Bookmarks)
            Statement("""
                INSERT INTO Bookmarks (Id, Name, Hash, WorkflowInstanceId, ActivityInstanceId, CorrelationId, Payload, CreatedAt, ResumeAt)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                """)
                .Bind(1, bookmark.Id).Bind(2, bookmark.Name).Bind(3, bookmark.Hash).Bind(4, state.Id)
                .Bind(5, bookmark.ActivityInstanceId).Bind(6, state.CorrelationId)
                .Bind(7, bookmark.Payload is null ? null : WorkflowJson.Serialize(bookmark.Payload))
                .Bind(8, bookmark.CreatedAt.UtcTicks).Bind(9, bookmark.ResumeAt?.UtcTicks)
                .Execute();
        foreach (var incident in state.Incidents)
            Statement("""
                INSERT INTO Incidents (WorkflowInstanceId, ActivityId, ActivityInstanceId, Message, Timestamp)
                VALUES (?1, ?2, ?3, ?4, ?5)
                """)
                .Bind(1, state.Id).Bind(2, incident.ActivityId).Bind(3, incident.ActivityInstanceId)
                .Bind(4, incident.Message).Bind(5, incident.Timestamp.UtcTicks)
                .Execute();
    }

    public void InsertJournalChunk(string instanceId, long first, long last, byte[] data, string nodeName) => Statement("""
        INSERT INTO JournalChunks (WorkflowInstanceId, FirstSequence, LastSequence, Data, NodeName) VALUES (?1, ?2, ?3, ?4, ?5)
        """).Bind(1, instanceId).Bind(2, first).Bind(3, last).BindUtf8(4, data).Bind(5, nodeName).Execute();

    public void UpsertActivityExecution(ActivityExecutionRecord record, byte[] data) => Statement("""
        INSERT INTO ActivityExecutions (Id, WorkflowInstanceId, ActivityNodeId, Status, StartedAt, Data)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
        ON CONFLICT(Id) DO UPDATE SET Status = excluded.Status, Data = excluded.Data
        """)
        .Bind(1, record.Id).Bind(2, record.WorkflowInstanceId).Bind(3, record.ActivityNodeId)
        .Bind(4, (int)record.Status).Bind(5, record.StartedAt.UtcTicks).BindUtf8(6, data)
        .Execute();

    public void InsertIntegrationLogEntry(IntegrationLogEntry entry, string messagesJson) => Statement("""
        INSERT INTO IntegrationLog (Id, Timestamp, CaseReference, CaseType, WorkflowDefinitionId, WorkflowInstanceId, ActivityId, ActivityName,
            Operation, Outcome, Attempts, ExternalReference, HttpStatus, ErrorCategory, Messages, DurationMs, CorrelationId, Direction)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
        """)
        .Bind(1, entry.Id).Bind(2, entry.Timestamp.UtcTicks).Bind(3, entry.CaseReference).Bind(4, entry.CaseType)
        .Bind(5, entry.WorkflowDefinitionId).Bind(6, entry.WorkflowInstanceId).Bind(7, entry.ActivityId).Bind(8, entry.ActivityName)
        .Bind(9, entry.Operation).Bind(10, entry.Outcome.ToString()).Bind(11, entry.Attempts).Bind(12, entry.ExternalReference)
        .Bind(13, entry.HttpStatus).Bind(14, entry.ErrorCategory).Bind(15, messagesJson).Bind(16, entry.DurationMs).Bind(17, entry.CorrelationId)
        .Bind(18, entry.Direction.ToString())
        .Execute();

    /// <summary>Deletes one instance and everything recorded about it; returns 1 when it existed.</summary>
    public int DeleteInstance(string id)
    {
        foreach (var table in Stores.InstanceTables.Owned) DeleteRowsOf(table, id);
        return Statement("DELETE FROM WorkflowInstances WHERE Id = ?1").Bind(1, id).Execute();
    }

    private void DeleteRowsOf(string table, string instanceId) =>
        Statement($"DELETE FROM {table} WHERE WorkflowInstanceId = ?1").Bind(1, instanceId).Execute();

    private PreparedStatement Statement(string sql)
    {
        if (!_statements.TryGetValue(sql, out var statement))
            _statements[sql] = statement = new PreparedStatement(connection, sql);
        return statement;
    }

    public void Dispose()
    {
        foreach (var statement in _statements.Values) statement.Dispose();
    }
}

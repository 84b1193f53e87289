using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.Serialization;
using Microsoft.Data.Sqlite;

namespace ElsaM3.Persistence.Stores;

/// <summary>
/// The writer's prepared statements, kept for the life of its connection and run inside the transaction given to
/// <see cref="Begin"/> (table and column names as in the EF model and its migrations).
/// </summary>
internal sealed class CommitCommands(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = [];
    private SqliteTransaction? _transaction;

    public SqliteTransaction Begin() => _transaction = connection.BeginTransaction();

    public void UpsertInstance(WorkflowState state, string data) => Run("""
        INSERT INTO WorkflowInstances (Id, DefinitionId, DefinitionVersionId, Version, Status, SubStatus, CorrelationId, Name, IncidentCount, CreatedAt, UpdatedAt, FinishedAt, Data)
        VALUES ($id, $definitionId, $versionId, $version, $status, $subStatus, $correlationId, $name, $incidents, $created, $updated, $finished, $data)
        ON CONFLICT(Id) DO UPDATE SET Status = excluded.Status, SubStatus = excluded.SubStatus, CorrelationId = excluded.CorrelationId,
            Name = excluded.Name, IncidentCount = excluded.IncidentCount, UpdatedAt = excluded.UpdatedAt, FinishedAt = excluded.FinishedAt, Data = excluded.Data
        """,
        ("$id", state.Id), ("$definitionId", state.DefinitionId), ("$versionId", state.DefinitionVersionId), ("$version", state.DefinitionVersion),
        ("$status", (int)state.Status), ("$subStatus", (int)state.SubStatus), ("$correlationId", state.CorrelationId), ("$name", state.Name),
        ("$incidents", state.Incidents.Count), ("$created", state.CreatedAt.UtcTicks), ("$updated", state.UpdatedAt.UtcTicks),
        ("$finished", state.FinishedAt?.UtcTicks), ("$data", data));

    public void ReplaceBookmarksAndIncidents(WorkflowState state)
    {
        Run("DELETE FROM Bookmarks WHERE WorkflowInstanceId = $id", ("$id", state.Id));
        Run("DELETE FROM Incidents WHERE WorkflowInstanceId = $id", ("$id", state.Id));
        foreach (var bookmark in state.Bookmarks)
            Run("""
                INSERT INTO Bookmarks (Id, Name, Hash, WorkflowInstanceId, ActivityInstanceId, CorrelationId, Payload, CreatedAt, ResumeAt)
                VALUES ($id, $name, $hash, $instanceId, $activityInstanceId, $correlationId, $payload, $created, $resumeAt)
                """,
                ("$id", bookmark.Id), ("$name", bookmark.Name), ("$hash", bookmark.Hash), ("$instanceId", state.Id),
                ("$activityInstanceId", bookmark.ActivityInstanceId), ("$correlationId", state.CorrelationId),
                ("$payload", bookmark.Payload is null ? null : WorkflowJson.Serialize(bookmark.Payload)),
                ("$created", bookmark.CreatedAt.UtcTicks), ("$resumeAt", bookmark.ResumeAt?.UtcTicks));
        foreach (var incident in state.Incidents)
            Run("""
                INSERT INTO Incidents (WorkflowInstanceId, ActivityId, ActivityInstanceId, Message, Timestamp)
                VALUES ($instanceId, $activityId, $activityInstanceId, $message, $timestamp)
                """,
                ("$instanceId", state.Id), ("$activityId", incident.ActivityId), ("$activityInstanceId", incident.ActivityInstanceId),
                ("$message", incident.Message), ("$timestamp", incident.Timestamp.UtcTicks));
    }

    public void InsertJournalChunk(string instanceId, long first, long last, string data) => Run("""
        INSERT INTO JournalChunks (WorkflowInstanceId, FirstSequence, LastSequence, Data) VALUES ($instanceId, $first, $last, $data)
        """, ("$instanceId", instanceId), ("$first", first), ("$last", last), ("$data", data));

    public void UpsertActivityExecution(ActivityExecutionRecord record, string data) => Run("""
        INSERT INTO ActivityExecutions (Id, WorkflowInstanceId, ActivityNodeId, Status, StartedAt, Data)
        VALUES ($id, $instanceId, $nodeId, $status, $started, $data)
        ON CONFLICT(Id) DO UPDATE SET Status = excluded.Status, Data = excluded.Data
        """, ("$id", record.Id), ("$instanceId", record.WorkflowInstanceId), ("$nodeId", record.ActivityNodeId),
        ("$status", (int)record.Status), ("$started", record.StartedAt.UtcTicks), ("$data", data));

    private void Run(string sql, params (string Name, object? Value)[] parameters)
    {
        var transaction = _transaction ?? throw new InvalidOperationException("Begin a transaction first.");
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, _) in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
            command.Prepare();
            _commands[sql] = command;
        }
        command.Transaction = transaction;
        for (var i = 0; i < parameters.Length; i++) command.Parameters[i].Value = parameters[i].Value ?? DBNull.Value;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values) command.Dispose();
    }
}

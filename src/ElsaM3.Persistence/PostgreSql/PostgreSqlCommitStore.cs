using System.Text;
using ElsaM3.Persistence.Stores;
using ElsaM3.Workflows.Serialization;
using Npgsql;
using NpgsqlTypes;

namespace ElsaM3.Persistence.PostgreSql;

/// <summary>
/// The PostgreSQL writer: a batch's rows go as one <see cref="NpgsqlBatch"/> (one round trip) in one transaction, on a
/// pooled connection. Upserts use <c>ON CONFLICT</c>; tables and columns as EF Core's PostgreSQL migrations name them.
/// </summary>
internal sealed class PostgreSqlCommitStore(NpgsqlDataSource dataSource) : ICommitStore
{
    public async Task WriteAsync(CommitRows rows)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var commit in rows.FinalStates)
        {
            var state = commit.State;
            batch.Add("""
                INSERT INTO "WorkflowInstances" ("Id", "DefinitionId", "DefinitionVersionId", "Version", "Status", "SubStatus", "CorrelationId", "Name", "IncidentCount", "CreatedAt", "UpdatedAt", "FinishedAt", "Data", "NodeName")
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
                ON CONFLICT ("Id") DO UPDATE SET "Status" = excluded."Status", "SubStatus" = excluded."SubStatus", "CorrelationId" = excluded."CorrelationId",
                    "Name" = excluded."Name", "IncidentCount" = excluded."IncidentCount", "UpdatedAt" = excluded."UpdatedAt", "FinishedAt" = excluded."FinishedAt", "Data" = excluded."Data",
                    "NodeName" = excluded."NodeName"
                """, state.Id, state.DefinitionId, state.DefinitionVersionId, state.DefinitionVersion, (int)state.Status, (int)state.SubStatus,
                state.CorrelationId, state.Name, state.Incidents.Count, state.CreatedAt.UtcTicks, state.UpdatedAt.UtcTicks, state.FinishedAt?.UtcTicks,
                Encoding.UTF8.GetString(commit.StateJson), rows.NodeName);
            batch.Add("""DELETE FROM "Bookmarks" WHERE "WorkflowInstanceId" = $1""", state.Id);
            batch.Add("""DELETE FROM "Incidents" WHERE "WorkflowInstanceId" = $1""", state.Id);
            foreach (var bookmark in state.Bookmarks)
                batch.Add("""
                    INSERT INTO "Bookmarks" ("Id", "Name", "Hash", "WorkflowInstanceId", "ActivityInstanceId", "CorrelationId", "Payload", "CreatedAt", "ResumeAt")
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                    """, bookmark.Id, bookmark.Name, bookmark.Hash, state.Id, bookmark.ActivityInstanceId, state.CorrelationId,
                    bookmark.Payload is null ? null : WorkflowJson.Serialize(bookmark.Payload), bookmark.CreatedAt.UtcTicks, bookmark.ResumeAt?.UtcTicks);
            foreach (var incident in state.Incidents)
                batch.Add("""
                    INSERT INTO "Incidents" ("WorkflowInstanceId", "ActivityId", "ActivityInstanceId", "Message", "Timestamp") VALUES ($1, $2, $3, $4, $5)
                    """, state.Id, incident.ActivityId, incident.ActivityInstanceId, incident.Message, incident.Timestamp.UtcTicks);
        }
        foreach (var commit in rows.Journals)
            batch.Add("""INSERT INTO "JournalChunks" ("WorkflowInstanceId", "FirstSequence", "LastSequence", "Data", "NodeName") VALUES ($1, $2, $3, $4, $5)""",
                commit.State.Id, commit.FirstSequence, commit.LastSequence, Encoding.UTF8.GetString(commit.JournalJson!), rows.NodeName);
        foreach (var (record, json) in rows.ActivityExecutions)
            batch.Add("""
                INSERT INTO "ActivityExecutions" ("Id", "WorkflowInstanceId", "ActivityNodeId", "Status", "StartedAt", "Data") VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT ("Id") DO UPDATE SET "Status" = excluded."Status", "Data" = excluded."Data"
                """, record.Id, record.WorkflowInstanceId, record.ActivityNodeId, (int)record.Status, record.StartedAt.UtcTicks, Encoding.UTF8.GetString(json));
        foreach (var (entry, messages) in rows.IntegrationLog)
            batch.Add("""
                INSERT INTO "IntegrationLog" ("Id", "Timestamp", "CaseReference", "CaseType", "WorkflowDefinitionId", "WorkflowInstanceId", "ActivityId", "ActivityName",
                    "Operation", "Outcome", "Attempts", "ExternalReference", "HttpStatus", "ErrorCategory", "Messages", "DurationMs", "CorrelationId", "Direction")
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
                """, entry.Id, entry.Timestamp.UtcTicks, entry.CaseReference, entry.CaseType, entry.WorkflowDefinitionId, entry.WorkflowInstanceId,
                entry.ActivityId, entry.ActivityName, entry.Operation, entry.Outcome.ToString(), entry.Attempts, entry.ExternalReference, entry.HttpStatus,
                entry.ErrorCategory, messages, entry.DurationMs, entry.CorrelationId, entry.Direction.ToString());
        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    public async Task<int> DeleteInstancesAsync(IReadOnlyCollection<string> ids)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var array = ids.ToArray();
        foreach (var table in InstanceTables.Owned)
        {
            await using var owned = new NpgsqlCommand($"""DELETE FROM "{table}" WHERE "WorkflowInstanceId" = ANY($1)""", connection, transaction);
            owned.Parameters.Add(new NpgsqlParameter { Value = array, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            await owned.ExecuteNonQueryAsync();
        }
        await using var instances = new NpgsqlCommand("""DELETE FROM "WorkflowInstances" WHERE "Id" = ANY($1)""", connection, transaction);
        instances.Parameters.Add(new NpgsqlParameter { Value = array, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        var deleted = await instances.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return deleted;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

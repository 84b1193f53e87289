using System.Diagnostics;
using ElsaM3.Persistence;
using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.Serialization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ElsaM3.Workflows.Journal;

namespace ElsaM3.LoadTest;

/// <summary>
/// Seeds a store with finished instances of the load workflow, each with its state, one journal chunk of 12
/// entries and 5 activity execution records, the same rows a real run writes. Raw SQLite inserts keep it fast.
/// </summary>
internal static class Seeder
{
    public static async Task<int> RunAsync(string[] args)
    {
        var data = FloorServer.Arg(args, "--data") ?? throw new ArgumentException("--data DIR is required");
        var count = int.Parse(FloorServer.Arg(args, "--count") ?? "1000000");
        var services = new ServiceCollection()
            .AddSingleton(Options.Create(new StorageOptions { DataDirectory = data }))
            .AddDbContextFactory<ElsaM3DbContext>(o => o.UseSqlite(new StorageOptions { DataDirectory = data }.ResolveConnectionString()))
            .AddSingleton<StoreInitializer>()
            .BuildServiceProvider();
        await services.GetRequiredService<StoreInitializer>().InitializeAsync(default);

        await using var connection = new SqliteConnection(new StorageOptions { DataDirectory = data }.ResolveConnectionString());
        await connection.OpenAsync();
        await Execute(connection, "PRAGMA synchronous=OFF; PRAGMA journal_mode=WAL;");
        var watch = Stopwatch.StartNew();
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        const int batch = 20_000;
        for (var done = 0; done < count; done += batch)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            var instance = Command(connection, transaction,
                "INSERT INTO WorkflowInstances (Id, DefinitionId, DefinitionVersionId, Version, Status, SubStatus, CorrelationId, Name, IncidentCount, CreatedAt, UpdatedAt, FinishedAt, Data) " +
                "VALUES ($id, 'load', 'load-v1', 1, 1, 3, NULL, 'load', 0, $t, $t, $t, $data)", "$id", "$t", "$data");
            var journal = Command(connection, transaction,
                "INSERT INTO JournalChunks (WorkflowInstanceId, FirstSequence, LastSequence, Data) VALUES ($id, 0, 11, $data)", "$id", "$data");
            var record = Command(connection, transaction,
                "INSERT INTO ActivityExecutions (Id, WorkflowInstanceId, ActivityNodeId, Status, StartedAt, Data) VALUES ($rid, $id, $node, 2, $t, $data)",
                "$rid", "$id", "$node", "$t", "$data");
            for (var i = done; i < Math.Min(count, done + batch); i++)
            {
                var id = $"seed{i:x12}";
                var at = start.AddSeconds(i * 2.0).UtcTicks;
                Run(instance, id, at, Sample.State(id));
                Run(journal, id, Sample.Journal(id));
                for (var a = 0; a < Sample.Activities.Length; a++)
                    Run(record, $"{id}-{a}", id, $"Workflow1:fc:{Sample.Activities[a]}", at, Sample.Record(id, a));
            }
            await transaction.CommitAsync();
            Console.WriteLine($"{Math.Min(count, done + batch):N0} instances seeded ({watch.Elapsed.TotalSeconds:0} s)");
        }
        await Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;");
        Console.WriteLine($"Seeded {count:N0} instances in {watch.Elapsed.TotalSeconds:0} s; database {new FileInfo(Path.Combine(data, "elsam3.db")).Length / 1e9:0.0} GB.");
        return 0;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Row contents shaped like a real run of the load workflow.</summary>
    private static class Sample
    {
        public static readonly string[] Activities = ["ep", "set", "check", "mark", "respond"];

        public static string State(string id) => WorkflowJson.Serialize(new WorkflowState
        {
            Id = id, DefinitionId = "load", DefinitionVersionId = "load-v1", DefinitionVersion = 1, Name = "load",
            Status = WorkflowStatus.Finished, SubStatus = WorkflowSubStatus.Finished,
            Variables = { ["body"] = new Dictionary<string, object?> { ["reference"] = "CASE-" + id, ["caseType"] = "noise-nuisance" }, ["outcome"] = "accepted" },
            ActivityOutputs = { ["ep"] = new() { ["ParsedContent"] = new Dictionary<string, object?> { ["reference"] = "CASE-" + id } } },
            ExecutionLogSequence = 12,
            CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, FinishedAt = DateTimeOffset.UtcNow,
        });

        public static string Journal(string id) => System.Text.Encoding.UTF8.GetString(ElsaM3.Persistence.Journal.JournalChunkFormat.Serialize(Enumerable.Range(0, 12).Select(i => new ExecutionLogRecord
        {
            Id = $"{id}-j{i}", WorkflowDefinitionId = "load", WorkflowDefinitionVersionId = "load-v1", WorkflowInstanceId = id, WorkflowVersion = 1,
            ActivityInstanceId = $"{id}-{i / 2}", ActivityId = Activities[Math.Min(i / 2, 4)], ActivityType = "Elsa.SetVariable",
            NodeId = $"Workflow1:fc:{Activities[Math.Min(i / 2, 4)]}", Timestamp = DateTimeOffset.UtcNow, Sequence = i,
            EventName = i % 2 == 0 ? "Started" : "Completed",
        }).ToList()));

        public static string Record(string id, int index) => WorkflowJson.Serialize(new ActivityExecutionRecord
        {
            Id = $"{id}-{index}", WorkflowInstanceId = id, ActivityId = Activities[index], ActivityNodeId = $"Workflow1:fc:{Activities[index]}",
            ActivityType = "Elsa.SetVariable", ActivityName = Activities[index], Status = ActivityStatus.Completed,
            ActivityState = new() { ["Value"] = "accepted" }, Outputs = new(), StartedAt = DateTimeOffset.UtcNow, CompletedAt = DateTimeOffset.UtcNow,
        });
    }
}

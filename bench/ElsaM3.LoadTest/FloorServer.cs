using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace ElsaM3.LoadTest;

/// <summary>
/// The physical floor: POST /floor inserts one 2 KB row and answers 200: into SQLite (WAL, synchronous=NORMAL), or with
/// <c>--postgres CONNECTION</c> into PostgreSQL, its data as <c>text</c> (as ElsaM3 stores it) or, with <c>--jsonb</c>, as
/// <c>jsonb</c> (to measure what parsing the JSON on insert would cost).
/// </summary>
internal static class FloorServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (Arg(args, "--postgres") is { } postgres) return await RunPostgresAsync(args, postgres, args.Contains("--jsonb"));
        var urls = Arg(args, "--urls") ?? "http://127.0.0.1:5090";
        var data = Directory.CreateDirectory(Arg(args, "--data") ?? "floor-data").FullName;
        var connectionString = $"Data Source={Path.Combine(data, "floor.db")}";
        await using (var setup = new SqliteConnection(connectionString))
        {
            await setup.OpenAsync();
            var command = setup.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS rows (id INTEGER PRIMARY KEY, created INTEGER NOT NULL, data TEXT NOT NULL);";
            await command.ExecuteNonQueryAsync();
        }
        var payload = new string('x', 2048);
        var app = WebApplication.CreateSlimBuilder().Build();
        app.Urls.Add(urls);
        app.MapPost("/floor", async () =>
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL; INSERT INTO rows (created, data) VALUES ($created, $data);";
            command.Parameters.AddWithValue("$created", DateTime.UtcNow.Ticks);
            command.Parameters.AddWithValue("$data", payload);
            await command.ExecuteNonQueryAsync();
            return Results.Ok();
        });
        await app.RunAsync();
        return 0;
    }

    private static async Task<int> RunPostgresAsync(string[] args, string connectionString, bool jsonb)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var type = jsonb ? "jsonb" : "text";
        await using (var setup = dataSource.CreateCommand($"DROP TABLE IF EXISTS floor_rows; CREATE TABLE floor_rows (id bigserial PRIMARY KEY, created bigint NOT NULL, data {type} NOT NULL)"))
            await setup.ExecuteNonQueryAsync();
        var payload = $"{{\"case\":\"{new string('x', 2030)}\"}}";
        var app = WebApplication.CreateSlimBuilder().Build();
        app.Urls.Add(Arg(args, "--urls") ?? "http://127.0.0.1:5090");
        app.MapPost("/floor", async () =>
        {
            await using var command = dataSource.CreateCommand("INSERT INTO floor_rows (created, data) VALUES ($1, $2)");
            command.Parameters.Add(new NpgsqlParameter { Value = DateTime.UtcNow.Ticks });
            command.Parameters.Add(new NpgsqlParameter { Value = payload, NpgsqlDbType = jsonb ? NpgsqlDbType.Jsonb : NpgsqlDbType.Text });
            await command.ExecuteNonQueryAsync();
            return Results.Ok();
        });
        await app.RunAsync();
        return 0;
    }

    internal static string? Arg(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}

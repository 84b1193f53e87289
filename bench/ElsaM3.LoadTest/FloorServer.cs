using Microsoft.Data.Sqlite;

namespace ElsaM3.LoadTest;

/// <summary>The physical floor: POST /floor inserts one 2 KB row into SQLite (WAL, synchronous=NORMAL) and answers 200.</summary>
internal static class FloorServer
{
    public static async Task<int> RunAsync(string[] args)
    {
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

    internal static string? Arg(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}

using Microsoft.Data.Sqlite;

namespace ElsaM3.Server.Tests.HostileInput.Fuzzing;

/// <summary>
/// What a refused input must leave as it was: the definitions (count, bytes, published and latest flags), instances,
/// triggers, bookmarks and settings. Sizes are read with <c>octet_length</c>, which SQLite answers from the row header
/// without reading the text, so the fingerprint stays cheap as the store grows.
/// </summary>
public sealed class StoreFingerprint(string databasePath)
{
    private const string Query = """
        SELECT (SELECT COUNT(*) FROM WorkflowDefinitions) || '/' || (SELECT COALESCE(SUM(octet_length(Data)), 0) FROM WorkflowDefinitions) || '/' ||
               (SELECT COALESCE(SUM(IsPublished) + 1000 * SUM(IsLatest), 0) FROM WorkflowDefinitions) || '/' ||
               (SELECT COUNT(*) FROM WorkflowInstances) || '/' || (SELECT COUNT(*) FROM Triggers) || '/' || (SELECT COUNT(*) FROM Bookmarks) || '/' ||
               (SELECT COALESCE(GROUP_CONCAT(Key || '=' || LENGTH(Value)), '') FROM Settings)
        """;

    private SqliteConnection? _connection;

    public async Task<string> TakeAsync()
    {
        if (_connection is null)
        {
            _connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
            await _connection.OpenAsync();
        }
        await using var command = _connection.CreateCommand();
        command.CommandText = Query;
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
    }
}

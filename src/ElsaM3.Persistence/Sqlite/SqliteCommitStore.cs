using ElsaM3.Persistence.Stores;
using Microsoft.Data.Sqlite;

namespace ElsaM3.Persistence.Sqlite;

/// <summary>
/// The SQLite writer: prepared upserts on one long-lived connection (this is the hottest path of the server). A
/// connection that failed is not reused; the next write opens a fresh one.
/// </summary>
internal sealed class SqliteCommitStore(string connectionString) : ICommitStore
{
    private SqliteConnection? _connection;
    private CommitCommands? _commands;

    public Task WriteAsync(CommitRows rows) => InTransactionAsync(sql =>
    {
        foreach (var commit in rows.FinalStates)
        {
            sql.UpsertInstance(commit.State, commit.StateJson, rows.NodeName);
            sql.ReplaceBookmarksAndIncidents(commit.State);
        }
        foreach (var commit in rows.Journals)
            sql.InsertJournalChunk(commit.State.Id, commit.FirstSequence, commit.LastSequence, commit.JournalJson!, rows.NodeName);
        foreach (var (record, json) in rows.ActivityExecutions)
            sql.UpsertActivityExecution(record, json);
        foreach (var (entry, messages) in rows.IntegrationLog)
            sql.InsertIntegrationLogEntry(entry, messages);
        return true;
    });

    public Task<int> DeleteInstancesAsync(IReadOnlyCollection<string> ids) => InTransactionAsync(sql => ids.Sum(sql.DeleteInstance));

    private async Task<T> InTransactionAsync<T>(Func<CommitCommands, T> write)
    {
        try
        {
            var sql = await CommandsAsync();
            await using var transaction = sql.Begin();
            var result = write(sql);
            await transaction.CommitAsync();
            return result;
        }
        catch
        {
            await CloseAsync();
            throw;
        }
    }

    private async Task<CommitCommands> CommandsAsync()
    {
        if (_commands is not null) return _commands;
        _connection = new SqliteConnection(connectionString);
        await _connection.OpenAsync();
        await SqlitePragmas.ApplyAsync(_connection);
        return _commands = new CommitCommands(_connection);
    }

    private async Task CloseAsync()
    {
        _commands?.Dispose();
        _commands = null;
        if (_connection is not null) await _connection.DisposeAsync();
        _connection = null;
    }

    public async ValueTask DisposeAsync() => await CloseAsync();
}

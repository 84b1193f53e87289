using ElsaM3.Runtime.Instances;
using ElsaM3.Server.Tests.Support;
using ElsaM3.Workflows.Execution;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaM3.Server.Tests.Runtime;

/// <summary>The single writer's group commit: bursts queued together share a transaction, and one bad commit fails alone.</summary>
public sealed class CommitWriterTests : IAsyncLifetime
{
    private readonly ElsaM3Application _app = new(settings: TestStore.PinnedToSqlite());
    private IWorkflowInstanceStore _store = null!;

    public async Task InitializeAsync()
    {
        await _app.CreateAdminClientAsync(); // starts the server: migrations applied
        _store = _app.Services.GetRequiredService<IWorkflowInstanceStore>();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private SqliteConnection Database() => new($"Data Source={Path.Combine(_app.DataDirectory, "elsam3.db")}");

    private static WorkflowCommit Commit(string id)
    {
        var now = DateTimeOffset.UtcNow;
        return WorkflowCommit.StateOnly(new WorkflowState { Id = id, DefinitionId = "d", DefinitionVersionId = "d-1", CreatedAt = now, UpdatedAt = now });
    }

    [Fact]
    public async Task A_settings_save_takes_its_turn_at_the_single_writer_after_what_was_queued_before_it()
    {
        var writer = _app.Services.GetRequiredService<ElsaM3.Persistence.Stores.CommitWriter>();
        var settings = _app.Services.GetRequiredService<ElsaM3.Runtime.Settings.ISettingsStore>();
        var letGo = new TaskCompletionSource();
        // Holds the writer's turn; what it reads once let go shows whether the save was written meanwhile (SQLite's
        // calls complete synchronously, so a save that bypassed the writer would already be in the table).
        var holder = writer.WriteExclusiveAsync(async ct =>
        {
            await letGo.Task;
            return await settings.GetAsync("turn-test", ct);
        }, default);
        var save = settings.SetAsync("turn-test", "saved", default);
        var commit = _store.CommitAsync(Commit("queued-behind"), default);
        letGo.SetResult();

        (await holder).ShouldBeNull();
        await save;
        await commit;
        (await settings.GetAsync("turn-test", default)).ShouldBe("saved");
        (await _store.FindStateAsync("queued-behind", default)).ShouldNotBeNull();
    }

    [Fact]
    public async Task One_bad_commit_in_a_shared_transaction_fails_alone_and_the_others_are_written()
    {
        await using var db = Database();
        await db.OpenAsync();
        await using (var trigger = db.CreateCommand())
        {
            trigger.CommandText = "CREATE TRIGGER fail_bad BEFORE INSERT ON WorkflowInstances WHEN NEW.Id = 'bad' BEGIN SELECT RAISE(ABORT, 'bad commit'); END;";
            await trigger.ExecuteNonQueryAsync();
        }
        // Hold the write lock so the writer stalls on its first batch and the rest queue up behind it, to be written together.
        await using (var hold = db.CreateCommand()) { hold.CommandText = "BEGIN IMMEDIATE;"; await hold.ExecuteNonQueryAsync(); }
        var commits = new[] { "first", "good-1", "bad", "good-2" }.ToDictionary(id => id, id => _store.CommitAsync(Commit(id), default));
        await Task.Delay(300);
        await using (var release = db.CreateCommand()) { release.CommandText = "ROLLBACK;"; await release.ExecuteNonQueryAsync(); }

        await Should.ThrowAsync<Exception>(() => commits["bad"]);
        await Task.WhenAll(commits.Where(c => c.Key != "bad").Select(c => c.Value));
        foreach (var id in new[] { "first", "good-1", "good-2" })
            (await _store.FindStateAsync(id, default)).ShouldNotBeNull(id);
        (await _store.FindStateAsync("bad", default)).ShouldBeNull();
    }

    [Fact]
    public async Task After_a_failed_commit_the_writer_carries_on_with_a_fresh_connection()
    {
        await using var db = Database();
        await db.OpenAsync();
        await using (var trigger = db.CreateCommand())
        {
            trigger.CommandText = "CREATE TRIGGER fail_bad BEFORE INSERT ON WorkflowInstances WHEN NEW.Id = 'bad' BEGIN SELECT RAISE(ABORT, 'bad commit'); END;";
            await trigger.ExecuteNonQueryAsync();
        }

        await Should.ThrowAsync<Exception>(() => _store.CommitAsync(Commit("bad"), default));
        await _store.CommitAsync(Commit("after"), default);

        (await _store.FindStateAsync("after", default)).ShouldNotBeNull();
    }
}

using System.Reflection;
using ElsaM3.Runtime.Definitions;
using ElsaM3.Runtime.Instances;
using ElsaM3.Runtime.Scheduling;
using ElsaM3.Server.Tests.Support;
using ElsaM3.Workflows.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static ElsaM3.Server.Tests.Support.Workflows;

namespace ElsaM3.Server.Tests.Runtime;

/// <summary>
/// A held start (the HTTP trigger's) hands its committed state to the resume of a timer it left due, which then reads
/// nothing back from the store. The service under test is a second instance over the server's own parts and a store
/// that counts state reads; the server's scheduler sleeps (an hour's poll on a fake clock) so only the test resumes.
/// </summary>
public sealed class HandOverTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly ElsaM3Application _app;
    private WorkflowInstanceService _service = null!;
    private CountingStore _store = null!;
    private ElsaM3.Workflows.Definitions.WorkflowDefinition _definition = null!;

    // The hand-over keeps state in memory between bursts, which only one node may do (several nodes turn it off).
    public HandOverTests() => _app = QuietScheduler.App(_clock, TestStore.PinnedToSqlite());

    public async Task InitializeAsync()
    {
        var client = await _app.CreateAdminClientAsync();
        await client.PublishAsync(Flowchart("handover", Delay("wait", "01:00:00") + "," + WriteLine("after", "after"), Connect("wait", "after")));
        var services = _app.Services;
        _definition = (await services.GetRequiredService<IWorkflowDefinitionStore>().FindAsync("handover", VersionOptions.Published, default))!;
        _store = CountingStore.Over(services.GetRequiredService<IWorkflowInstanceStore>());
        _service = new WorkflowInstanceService(services.GetRequiredService<WorkflowRunner>(), services.GetRequiredService<WorkflowGraphCache>(),
            _store.Store, services.GetRequiredService<InstanceAccess>(), services.GetRequiredService<BackgroundWorkQueue>(),
            services.GetRequiredService<TimerSignal>(), _clock, services.GetRequiredService<IWorkflowDefinitionStore>(),
            services.GetRequiredService<ElsaM3.Runtime.Budgets.TriggerSuspensions>());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_timer_resume_after_a_held_start_uses_the_handed_over_state_and_reads_nothing_back()
    {
        var run = await _service.StartHeldAsync(_definition, new StartOptions(), default);
        var (id, bookmark) = (run.Result.State.Id, run.Result.State.Bookmarks.Single().Id);
        _clock.Advance(TimeSpan.FromHours(1)); // due by the time the caller has answered
        _service.HandedOverCount.ShouldBe(0);  // not while the caller still reads the result
        run.Dispose();
        _service.HandedOverCount.ShouldBe(1);

        (await _service.ResumeDueTimersAsync(id, bookmark, default)).ShouldBe(1);

        _store.StateReads.ShouldBe(0);
        _service.HandedOverCount.ShouldBe(0);
        (await _store.Store.FindStateAsync(id, default))!.Status.ShouldBe(WorkflowStatus.Finished);
    }

    [Fact]
    public async Task A_start_that_is_not_held_hands_nothing_over_and_the_resume_reads_the_stored_state()
    {
        var result = await _service.StartAsync(_definition, new StartOptions(), default);
        _clock.Advance(TimeSpan.FromHours(1));

        (await _service.ResumeDueTimersAsync(result.State.Id, result.State.Bookmarks.Single().Id, default)).ShouldBe(1);

        _store.StateReads.ShouldBe(1);
    }

    [Fact]
    public async Task A_timer_not_yet_due_when_the_hold_ends_is_not_kept_in_memory()
    {
        using (await _service.StartHeldAsync(_definition, new StartOptions(), default)) { }

        _service.HandedOverCount.ShouldBe(0);
    }

    [Fact]
    public async Task Deleting_the_instance_drops_its_handed_over_state_so_nothing_brings_it_back()
    {
        var run = await _service.StartHeldAsync(_definition, new StartOptions(), default);
        var (id, bookmark) = (run.Result.State.Id, run.Result.State.Bookmarks.Single().Id);
        _clock.Advance(TimeSpan.FromHours(1));
        run.Dispose();

        (await _service.DeleteAsync([id], default)).ShouldBe(1);

        _service.HandedOverCount.ShouldBe(0);
        (await _service.ResumeDueTimersAsync(id, bookmark, default)).ShouldBe(0);
        (await _store.Store.FindStateAsync(id, default)).ShouldBeNull();
    }

    /// <summary>The server's store, counting how often an instance's state is read.</summary>
    public class CountingStore : DispatchProxy
    {
        private IWorkflowInstanceStore _inner = null!;
        private int _stateReads;

        public int StateReads => _stateReads;
        public IWorkflowInstanceStore Store { get; private set; } = null!;

        public static CountingStore Over(IWorkflowInstanceStore inner)
        {
            var proxy = Create<IWorkflowInstanceStore, CountingStore>();
            var counting = (CountingStore)(object)proxy;
            (counting._inner, counting.Store) = (inner, proxy);
            return counting;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name == nameof(IWorkflowInstanceStore.FindStateAsync)) Interlocked.Increment(ref _stateReads);
            return targetMethod.Invoke(_inner, args);
        }
    }
}

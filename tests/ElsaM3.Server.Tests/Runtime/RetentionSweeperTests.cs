using System.Reflection;
using ElsaM3.Runtime.Instances;
using ElsaM3.Runtime.IntegrationLog;
using ElsaM3.Runtime.Retention;
using ElsaM3.Workflows.Execution;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ElsaM3.Server.Tests.Runtime;

/// <summary>The retention sweep on its own, over in-memory stores: what it deletes, by which cutoff, a page at a time.</summary>
public sealed class RetentionSweeperTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly Instances _instances = Instances.Create();
    private readonly Log _log = new();

    private RetentionSweeper Sweeper(RetentionOptions options) =>
        new(_instances.Store, _log, Options.Create(options), _clock, new NoLifetime(), new ElsaM3.Runtime.Coordination.ProcessLocks(), NullLogger<RetentionSweeper>.Instance);

    [Fact]
    public async Task Each_kind_goes_by_its_own_period_and_nothing_younger_or_still_running_is_touched()
    {
        _instances.Add("old-done", WorkflowSubStatus.Finished, Now.AddDays(-91));
        _instances.Add("old-cancelled", WorkflowSubStatus.Cancelled, Now.AddDays(-91));
        _instances.Add("new-done", WorkflowSubStatus.Finished, Now.AddDays(-89));
        _instances.Add("old-faulted", WorkflowSubStatus.Faulted, Now.AddDays(-91));
        _instances.Add("older-faulted", WorkflowSubStatus.Faulted, Now.AddDays(-400));
        _instances.Add("old-suspended", WorkflowSubStatus.Suspended, Now.AddDays(-900));
        _log.Entries.AddRange([Now.AddDays(-31), Now.AddDays(-29)]);

        var swept = await Sweeper(new RetentionOptions
        {
            FinishedInstances = TimeSpan.FromDays(90), FaultedInstances = TimeSpan.FromDays(365), IntegrationLog = TimeSpan.FromDays(30),
        }).SweepAsync(default);

        swept.ShouldBe(new RetentionSweep(2, 1, 1));
        _instances.Remaining.ShouldBe(["new-done", "old-faulted", "old-suspended"], ignoreOrder: true);
        _log.Entries.ShouldBe([Now.AddDays(-29)]);
    }

    [Fact]
    public async Task A_backlog_goes_page_by_page_until_a_page_comes_back_short()
    {
        for (var i = 0; i < 7; i++) _instances.Add($"done-{i}", WorkflowSubStatus.Finished, Now.AddDays(-100 - i));

        var swept = await Sweeper(new RetentionOptions { FinishedInstances = TimeSpan.FromDays(90), PageSize = 3 }).SweepAsync(default);

        swept.FinishedInstances.ShouldBe(7);
        _instances.PagesAskedFor.ShouldBe([3, 3, 3]); // 3 + 3 + 1: the short page ends it
        _instances.Remaining.ShouldBeEmpty();
    }

    [Fact]
    public async Task With_no_period_set_a_sweep_deletes_nothing_and_asks_the_store_nothing()
    {
        _instances.Add("ancient", WorkflowSubStatus.Finished, Now.AddYears(-20));
        _log.Entries.Add(Now.AddYears(-20));

        (await Sweeper(new RetentionOptions()).SweepAsync(default)).ShouldBe(new RetentionSweep(0, 0, 0));

        _instances.PagesAskedFor.ShouldBeEmpty();
        _instances.Remaining.ShouldBe(["ancient"]);
        _log.Entries.Count.ShouldBe(1);
    }

    /// <summary>An in-memory instance store answering the two calls the sweep makes.</summary>
    public class Instances : DispatchProxy
    {
        private readonly List<(string Id, WorkflowSubStatus SubStatus, DateTimeOffset EndedAt)> _rows = [];

        public IWorkflowInstanceStore Store { get; private set; } = null!;
        public List<int> PagesAskedFor { get; } = [];
        public IEnumerable<string> Remaining => _rows.Select(r => r.Id);

        public static Instances Create()
        {
            var proxy = Create<IWorkflowInstanceStore, Instances>();
            var instances = (Instances)(object)proxy;
            instances.Store = proxy;
            return instances;
        }

        public void Add(string id, WorkflowSubStatus subStatus, DateTimeOffset endedAt) => _rows.Add((id, subStatus, endedAt));

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod!.Name switch
        {
            nameof(IWorkflowInstanceStore.FindEndedBeforeAsync) => FindEndedBefore((IReadOnlyCollection<WorkflowSubStatus>)args![0]!, (DateTimeOffset)args[1]!, (int)args[2]!),
            nameof(IWorkflowInstanceStore.DeleteAsync) => Task.FromResult(_rows.RemoveAll(r => ((IReadOnlyCollection<string>)args![0]!).Contains(r.Id))),
            _ => throw new NotSupportedException($"The sweep should not call {targetMethod.Name}."),
        };

        private Task<IReadOnlyList<string>> FindEndedBefore(IReadOnlyCollection<WorkflowSubStatus> subStatuses, DateTimeOffset cutoff, int take)
        {
            PagesAskedFor.Add(take);
            return Task.FromResult<IReadOnlyList<string>>(_rows.Where(r => subStatuses.Contains(r.SubStatus) && r.EndedAt < cutoff)
                .OrderBy(r => r.EndedAt).Take(take).Select(r => r.Id).ToList());
        }
    }

    private sealed class Log : IIntegrationLog
    {
        public List<DateTimeOffset> Entries { get; } = [];

        public Task<ElsaM3.Runtime.Stores.Page<IntegrationLogEntry>> QueryAsync(IntegrationLogQuery query, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, int max, CancellationToken cancellationToken)
        {
            var old = Entries.Where(e => e < cutoff).Take(max).ToList();
            foreach (var entry in old) Entries.Remove(entry);
            return Task.FromResult(old.Count);
        }
    }

    private sealed class NoLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() { }
    }
}

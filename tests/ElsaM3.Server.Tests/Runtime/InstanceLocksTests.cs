using ElsaM3.Runtime.Instances;

namespace ElsaM3.Server.Tests.Runtime;

public sealed class InstanceLocksTests
{
    [Fact]
    public async Task Bursts_of_one_instance_never_overlap_however_they_race()
    {
        var locks = new InstanceLocks();
        var inside = 0;
        var overlaps = 0;
        var tasks = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 1_000; i++)
            {
                using var _ = await locks.AcquireAsync("instance-1", default);
                if (Interlocked.Increment(ref inside) > 1) Interlocked.Increment(ref overlaps);
                await Task.Yield();
                Interlocked.Decrement(ref inside);
            }
        }));
        await Task.WhenAll(tasks);

        overlaps.ShouldBe(0);
        locks.Count.ShouldBe(0);
    }

    [Fact]
    public async Task Different_instances_do_not_wait_for_each_other()
    {
        var locks = new InstanceLocks();
        using var first = await locks.AcquireAsync("a", default);

        var second = locks.AcquireAsync("b", default);

        second.IsCompletedSuccessfully.ShouldBeTrue();
        (await second).Dispose();
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_and_the_instance_can_be_taken_again()
    {
        var locks = new InstanceLocks();
        var held = await locks.AcquireAsync("a", default);
        using var cancel = new CancellationTokenSource();
        var waiting = locks.AcquireAsync("a", cancel.Token);
        waiting.IsCompleted.ShouldBeFalse();

        await cancel.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => waiting);
        held.Dispose();
        held.Dispose(); // a second dispose releases nothing twice

        locks.Count.ShouldBe(0);
        using var again = await locks.AcquireAsync("a", default);
        locks.Count.ShouldBe(1);
    }
}

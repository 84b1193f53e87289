using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ElsaM3.Runtime;

/// <summary>The runtime's meter and trace source (<c>ElsaM3.Runtime</c>): bursts run, timers resumed and due.</summary>
public static class RuntimeMetrics
{
    public const string Name = "ElsaM3.Runtime";

    public static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    /// <summary>Execution bursts, by how they ended (<c>status</c>: Running, Finished; <c>sub_status</c>).</summary>
    public static readonly Counter<long> Bursts = Meter.CreateCounter<long>("elsam3.workflow.bursts", description: "Workflow execution bursts run.");

    public static readonly Counter<long> TimersResumed = Meter.CreateCounter<long>("elsam3.timers.resumed", description: "Due timers (delays, M3 attempts) resumed.");

    private static long _dueAtLastSweep;

    /// <summary>Timers due when the scheduler last looked: the backlog of delays and M3 attempts (the retry queue) waiting to run.</summary>
    public static readonly ObservableGauge<long> TimersDue = Meter.CreateObservableGauge("elsam3.timers.due",
        () => Interlocked.Read(ref _dueAtLastSweep), description: "Timers due at the last scheduler sweep (retry queue depth).");

    public static void RecordSweep(int due) => Interlocked.Exchange(ref _dueAtLastSweep, due);
}

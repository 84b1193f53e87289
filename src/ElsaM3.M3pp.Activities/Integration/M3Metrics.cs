using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ElsaM3.M3pp.Activities.Integration;

/// <summary>The M3 integration's meter and trace source (<c>ElsaM3.M3pp</c>): every attempt by operation, outcome and error category.</summary>
public static class M3Metrics
{
    public const string Name = "ElsaM3.M3pp";

    public static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    /// <summary>Integration attempts (tags <c>operation</c>, <c>outcome</c>: success, invalid, failed, retrying; <c>category</c>).</summary>
    /// <summary>Changes read from M3's change feed.</summary>
    public static readonly Counter<long> ChangesRead = Meter.CreateCounter<long>("elsam3.m3.changes_read", "{change}", "Changes read from the M3 change feed.");

    /// <summary>Changes that reached a watching workflow (tags <c>kind</c>, <c>outcome</c>: changed, deleted, skipped).</summary>
    public static readonly Counter<long> ChangesApplied = Meter.CreateCounter<long>("elsam3.m3.changes_applied", "{change}", "Changes from M3 that reached a watching workflow.");

    /// <summary>How long one round of the change poller took (tag <c>strategy</c>): its cost, whatever the number of watched cases.</summary>
    public static readonly Histogram<double> ChangeRoundDuration = Meter.CreateHistogram<double>("elsam3.m3.changes.round_duration", "ms", "Time for one round of reading changes from M3 and delivering them.");

    public static readonly Counter<long> Calls = Meter.CreateCounter<long>("elsam3.m3.calls", "{call}", "M3 integration attempts by outcome and error category.");
}

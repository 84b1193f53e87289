using System.Diagnostics.Metrics;

namespace ElsaM3.Persistence;

/// <summary>The store's meter (<c>ElsaM3.Persistence</c>): how many bursts each group commit carried, and how long it took.</summary>
public static class PersistenceMetrics
{
    public const string Name = "ElsaM3.Persistence";

    private static readonly Meter Meter = new(Name);
    private static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>("elsam3.commit.batch_size", "{commit}", "Burst commits written in one transaction.");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("elsam3.commit.duration", "ms", "Time to write one group commit.");

    public static void RecordBatch(int commits, TimeSpan took)
    {
        BatchSize.Record(commits);
        Duration.Record(took.TotalMilliseconds);
    }
}

namespace ElsaM3.Runtime.Retention;

/// <summary>
/// How long ended workflow instances and integration log entries are kept, bound to <c>ElsaM3:Retention</c>.
/// Every age is unset by default: nothing is deleted unless a council chooses a period.
/// </summary>
public sealed class RetentionOptions
{
    /// <summary>Instances that finished or were cancelled are deleted (with their journal, execution records, bookmarks
    /// and incidents) this long after they ended, e.g. <c>90.00:00:00</c>.</summary>
    public TimeSpan? FinishedInstances { get; set; }

    /// <summary>Faulted instances are deleted this long after they faulted. Kept apart from
    /// <see cref="FinishedInstances"/> because an admin may still want to retry them.</summary>
    public TimeSpan? FaultedInstances { get; set; }

    /// <summary>Integration log entries older than this are deleted.</summary>
    public TimeSpan? IntegrationLog { get; set; }

    /// <summary>How often the sweep runs, at most every 30 days. Default 1 hour; the first sweep runs once the server has started.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most instances (or log entries) deleted per transaction, so a sweep never holds up the writer for long. Default 200.</summary>
    public int PageSize { get; set; } = 200;
}

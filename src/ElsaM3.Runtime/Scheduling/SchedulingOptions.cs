namespace ElsaM3.Runtime.Scheduling;

/// <summary>Timer settings, bound to <c>ElsaM3:Scheduling</c>.</summary>
public sealed class SchedulingOptions
{
    /// <summary>Longest the scheduler sleeps before looking for due timers again. Default 1 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most due timers read per sweep. Default 100.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// How many timers are resumed at once. A resume may wait on a slow remote call (an M3 attempt), so due timers run
    /// side by side and one slow call never holds up the others. Default 8.
    /// </summary>
    public int MaxConcurrentResumes { get; set; } = 8;
}

namespace ElsaM3.Runtime.Scheduling;

/// <summary>Timer settings, bound to <c>ElsaM3:Scheduling</c>.</summary>
public sealed class SchedulingOptions
{
    /// <summary>Longest the scheduler sleeps before looking for due timers again. Default 1 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most due timers resumed per sweep. Default 100.</summary>
    public int BatchSize { get; set; } = 100;
}

using ElsaM3.Workflows;
using Microsoft.Extensions.Options;

namespace ElsaM3.Runtime.Scheduling;

/// <summary>Timer settings, bound to <c>ElsaM3:Scheduling</c>.</summary>
public sealed class SchedulingOptions
{
    /// <summary>The configuration section this binds to.</summary>
    public const string Section = "ElsaM3:Scheduling";

    /// <summary>Longest the scheduler sleeps before looking for due timers again. Default 1 s.</summary>
    [SettingRange(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = Section + ":PollInterval must be longer than zero and at most a day.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most due timers read per sweep. Default 100.</summary>
    [SettingRange(1, 10_000, ErrorMessage = Section + ":BatchSize must be between 1 and 10,000.")]
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// How many timers are resumed at once. A resume may wait on a slow remote call (an M3 attempt), so due timers run
    /// side by side and one slow call never holds up the others. Default 16: on two cores it drains a backlog faster
    /// than 8 (bench/README.md) while keeping the calls a node makes to a council's M3 at once modest.
    /// </summary>
    [SettingRange(1, 1_000, ErrorMessage = Section + ":MaxConcurrentResumes must be between 1 and 1,000.")]
    public int MaxConcurrentResumes { get; set; } = 16;

    /// <summary>
    /// With several nodes on PostgreSQL: how long a node's claim on a due timer keeps the others off it. A node that dies
    /// mid-resume has its timers taken over once this lapses. Default 30 s.
    /// </summary>
    [SettingRange(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = Section + ":ClaimLease must be between 1 second and 1 hour.")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Checks <see cref="SchedulingOptions"/> at start (generated from its attributes).</summary>
[OptionsValidator]
public sealed partial class SchedulingOptionsValidator : IValidateOptions<SchedulingOptions>;

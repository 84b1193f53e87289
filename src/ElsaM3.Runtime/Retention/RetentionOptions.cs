using ElsaM3.Workflows;
using Microsoft.Extensions.Options;

namespace ElsaM3.Runtime.Retention;

/// <summary>
/// How long ended workflow instances and integration log entries are kept, bound to <c>ElsaM3:Retention</c>.
/// Every age is unset by default: nothing is deleted unless a council chooses a period.
/// </summary>
public sealed class RetentionOptions
{
    /// <summary>The configuration section this binds to.</summary>
    public const string Section = "ElsaM3:Retention";
    private const string AgeMessage = Section + ":FinishedInstances, FaultedInstances and IntegrationLog must be longer than zero (and under 100 years) when set.";

    /// <summary>Instances that finished or were cancelled are deleted (with their journal, execution records, bookmarks
    /// and incidents) this long after they ended, e.g. <c>90.00:00:00</c>.</summary>
    [SettingRange(typeof(TimeSpan), "00:00:00.001", "36500.00:00:00", ErrorMessage = AgeMessage)]
    public TimeSpan? FinishedInstances { get; set; }

    /// <summary>Faulted instances are deleted this long after they faulted. Kept apart from
    /// <see cref="FinishedInstances"/> because an admin may still want to retry them.</summary>
    [SettingRange(typeof(TimeSpan), "00:00:00.001", "36500.00:00:00", ErrorMessage = AgeMessage)]
    public TimeSpan? FaultedInstances { get; set; }

    /// <summary>Integration log entries older than this are deleted.</summary>
    [SettingRange(typeof(TimeSpan), "00:00:00.001", "36500.00:00:00", ErrorMessage = AgeMessage)]
    public TimeSpan? IntegrationLog { get; set; }

    /// <summary>How often the sweep runs, at most every 30 days. Default 1 hour; the first sweep runs once the server has started.</summary>
    [SettingRange(typeof(TimeSpan), "00:00:00.001", "30.00:00:00", ErrorMessage = Section + ":SweepInterval must be longer than zero and at most 30 days.")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most instances (or log entries) deleted per transaction, so a sweep never holds up the writer for long. Default 200.</summary>
    [SettingRange(1, int.MaxValue, ErrorMessage = "ElsaM3:Retention:PageSize must be at least 1.")]
    public int PageSize { get; set; } = 200;
}

/// <summary>Checks <see cref="RetentionOptions"/> at start (generated from its attributes).</summary>
[OptionsValidator]
public sealed partial class RetentionOptionsValidator : IValidateOptions<RetentionOptions>;

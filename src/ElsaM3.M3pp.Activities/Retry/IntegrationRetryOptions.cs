namespace ElsaM3.M3pp.Activities.Retry;

/// <summary>The durable retry policy for transient failures, bound to <c>ElsaM3:M3pp:Retry</c>.</summary>
public sealed class IntegrationRetryOptions
{
    /// <summary>The configuration section this binds to.</summary>
    public const string Section = "ElsaM3:M3pp:Retry";

    public static readonly IReadOnlyList<TimeSpan> DefaultDelays =
    [
        TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4),
        TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
    ];

    /// <summary>The first attempt plus up to 15 retries.</summary>
    public int MaxAttempts { get; set; } = 16;

    /// <summary>Wait before retry n (the last entry repeats). Empty means <see cref="DefaultDelays"/>.</summary>
    public List<TimeSpan> Delays { get; set; } = [];

    public TimeSpan DelayBefore(int retry, TimeSpan? retryAfter)
    {
        var delays = Delays.Count > 0 ? Delays : DefaultDelays;
        var delay = delays[Math.Clamp(retry - 1, 0, delays.Count - 1)];
        return retryAfter is { } asked && asked > delay ? asked : delay;
    }
}

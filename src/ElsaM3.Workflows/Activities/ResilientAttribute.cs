namespace ElsaM3.Workflows.Activities;

/// <summary>
/// Marks an activity that retries by itself under a resilience strategy of <paramref name="category"/>: Studio then
/// shows its Resilience tab, and its execution records carry <c>RetryAttempts</c> for the Retries tab.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ResilientAttribute(string category) : Attribute
{
    public string Category { get; } = category;

    /// <summary>The key of the execution-record property that lists the attempts that failed and were retried.</summary>
    public const string RetryAttemptsProperty = "RetryAttempts";
}

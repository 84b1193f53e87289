using ElsaM3.Workflows.Descriptors;
using Microsoft.Extensions.Options;

namespace ElsaM3.M3pp.Activities.Retry;

/// <summary>Lists the integration retry policy as a resilience strategy, so Studio shows it on the M3 activities.</summary>
public sealed class M3ppResilienceStrategies(IOptions<IntegrationRetryOptions> options) : IResilienceStrategySource
{
    public const string Category = "M3PP";
    public const string StrategyId = "m3pp-integration";

    public IEnumerable<ResilienceStrategyDescriptor> List()
    {
        var retry = options.Value;
        var delays = (retry.Delays.Count > 0 ? retry.Delays : IntegrationRetryOptions.DefaultDelays).Select(d => d.ToString()).ToList();
        yield return new ResilienceStrategyDescriptor(StrategyId,
            $"M3 integration: {retry.MaxAttempts} attempts in the background, waits {string.Join(", ", delays)} (last repeats)",
            Category,
            new Dictionary<string, object?>
            {
                ["maxAttempts"] = retry.MaxAttempts,
                ["delays"] = delays,
                ["retriedCategories"] = new[] { "transient" },
                ["durable"] = true,
            });
    }
}

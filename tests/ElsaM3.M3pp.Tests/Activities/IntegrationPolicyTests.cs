using ElsaM3.M3pp.Activities.Retry;
using ElsaM3.M3pp.Activities.Activities;

namespace ElsaM3.M3pp.Tests.Activities;

public sealed class IntegrationPolicyTests
{
    [Fact]
    public void Asset_keys_are_split_on_commas_trimmed_and_deduplicated() =>
        UpdateAttributeByKeys.SplitKeys(" AS00012345, AS00012347,,AS00012345 , ").ShouldBe(["AS00012345", "AS00012347"]);

    [Fact]
    public void The_default_backoff_is_30s_1_2_4_8_15_then_30_minutes()
    {
        var retry = new IntegrationRetryOptions();
        Enumerable.Range(1, 15).Select(n => retry.DelayBefore(n, null).TotalMinutes)
            .ShouldBe([0.5, 1, 2, 4, 8, 15, 30, 30, 30, 30, 30, 30, 30, 30, 30]);
        retry.MaxAttempts.ShouldBe(16);
    }

    [Fact]
    public void Retry_After_is_honoured_only_when_longer_and_configured_delays_repeat_their_last_entry()
    {
        var retry = new IntegrationRetryOptions { Delays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)] };
        retry.DelayBefore(1, TimeSpan.FromSeconds(5)).ShouldBe(TimeSpan.FromSeconds(5));
        retry.DelayBefore(1, TimeSpan.FromMilliseconds(10)).ShouldBe(TimeSpan.FromSeconds(1));
        retry.DelayBefore(9, null).ShouldBe(TimeSpan.FromSeconds(2));
    }
}

using ElsaM3.M3pp.Activities.Integration;
using ElsaM3.M3pp.Activities.Retry;
using ElsaM3.M3pp.Errors;

namespace ElsaM3.M3pp.Tests.Activities;

/// <summary>The retry decision of every M3 activity: what one attempt's result leads to.</summary>
public sealed class AttemptDecisionTests
{
    private static readonly IntegrationRetryOptions Retry = new() { MaxAttempts = 3, Delays = [TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20)] };

    private static CallResult.Failed Failure(M3ErrorCategory category, int? status, TimeSpan? retryAfter = null) =>
        new(new M3Error(category, status, [new M3ErrorDetail("CODE", "field", "what went wrong")]) { RetryAfter = retryAfter }, "creating the worksheet");

    [Fact]
    public void A_success_is_done()
    {
        var success = new CallResult.Succeeded(new IntegrationOutput { Reference = "WK/2025000123" }, "WK/2025000123");
        AttemptDecision.After(success, 1, Retry).ShouldBe(new AttemptDecision.Done(success));
    }

    [Fact]
    public void A_validation_failure_from_M3_is_invalid_with_its_messages_and_never_retried_even_on_the_first_attempt()
    {
        var decision = AttemptDecision.After(Failure(M3ErrorCategory.Validation, 422), 1, Retry);
        decision.ShouldBeOfType<AttemptDecision.Invalid>().Reasons.ShouldBe(["what went wrong"]);
    }

    [Fact]
    public void Mappings_found_wrong_after_the_call_are_invalid()
    {
        AttemptDecision.After(new CallResult.Invalid(["mapping 'x' is empty"]), 2, Retry)
            .ShouldBeOfType<AttemptDecision.Invalid>().Reasons.ShouldBe(["mapping 'x' is empty"]);
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    public void A_transient_failure_is_retried_after_the_delay_for_that_attempt(int attempt, int seconds)
    {
        var failed = Failure(M3ErrorCategory.Transient, 503);
        AttemptDecision.After(failed, attempt, Retry).ShouldBe(new AttemptDecision.RetryAfter(TimeSpan.FromSeconds(seconds), failed));
    }

    [Fact]
    public void A_longer_Retry_After_from_M3_wins()
    {
        AttemptDecision.After(Failure(M3ErrorCategory.Transient, 429, TimeSpan.FromMinutes(2)), 1, Retry)
            .ShouldBeOfType<AttemptDecision.RetryAfter>().Delay.ShouldBe(TimeSpan.FromMinutes(2));
    }

    [Fact]
    public void The_last_allowed_attempt_gives_up_saying_how_many_were_made_and_the_last_error()
    {
        var giveUp = AttemptDecision.After(Failure(M3ErrorCategory.Transient, 503), 3, Retry).ShouldBeOfType<AttemptDecision.GiveUp>();
        giveUp.Reason.ShouldBe("Failed (transient): gave up after 3 attempts; last error: CODE (field): what went wrong");
    }

    [Theory]
    [InlineData(M3ErrorCategory.Authentication, 401, "authentication")]
    [InlineData(M3ErrorCategory.Conflict, 409, "conflict")]
    [InlineData(M3ErrorCategory.NotFound, 404, "not_found")]
    public void Other_failures_give_up_at_once_naming_the_category_and_the_stage(M3ErrorCategory category, int status, string name)
    {
        AttemptDecision.After(Failure(category, status), 1, Retry).ShouldBeOfType<AttemptDecision.GiveUp>()
            .Reason.ShouldBe($"Failed ({name}): creating the worksheet: CODE (field): what went wrong");
    }
}

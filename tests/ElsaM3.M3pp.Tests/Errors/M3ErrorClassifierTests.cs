using ElsaM3.M3pp.Errors;

namespace ElsaM3.M3pp.Tests.Errors;

public sealed class M3ErrorClassifierTests
{
    [Fact]
    public void ValidationBody_KeepsEveryMessage_AndIsNotRetryable()
    {
        var error = M3ErrorClassifier.FromResponse(422, """
            {"type":"https://m3pp-sim/errors/validation","title":"Validation failed","status":422,"category":"validation","retryable":false,
             "errors":[{"code":"TASK_NOT_IN_TASK_GROUP","field":"taskCode","message":"Task 'NOIS' is not in task group 'EPENQ'."},
                       {"code":"UPRN_NOT_FOUND","field":"subject.uprn","message":"UPRN 100099999999 is not in the gazetteer."}]}
            """);

        error.Category.ShouldBe(M3ErrorCategory.Validation);
        error.IsRetryable.ShouldBeFalse();
        error.HttpStatus.ShouldBe(422);
        error.Details.Select(d => d.Code).ShouldBe(["TASK_NOT_IN_TASK_GROUP", "UPRN_NOT_FOUND"]);
        error.Message.ShouldBe("TASK_NOT_IN_TASK_GROUP (taskCode): Task 'NOIS' is not in task group 'EPENQ'.; UPRN_NOT_FOUND (subject.uprn): UPRN 100099999999 is not in the gazetteer.");
    }

    [Theory]
    [InlineData(400, M3ErrorCategory.Validation)]
    [InlineData(401, M3ErrorCategory.Authentication)]
    [InlineData(403, M3ErrorCategory.Authentication)]
    [InlineData(404, M3ErrorCategory.NotFound)]
    [InlineData(408, M3ErrorCategory.Transient)]
    [InlineData(409, M3ErrorCategory.Conflict)]
    [InlineData(429, M3ErrorCategory.Transient)]
    [InlineData(500, M3ErrorCategory.Transient)]
    [InlineData(503, M3ErrorCategory.Transient)]
    [InlineData(504, M3ErrorCategory.Transient)]
    public void WithoutABody_TheStatusDecides(int status, M3ErrorCategory expected)
    {
        var error = M3ErrorClassifier.FromResponse(status, body: null);

        error.Category.ShouldBe(expected);
        error.Details.Single().Code.ShouldBe($"HTTP_{status}");
    }

    [Fact]
    public void RetryableInTheBody_Decides()
    {
        M3ErrorClassifier.FromResponse(400, """{"retryable":true}""").Category.ShouldBe(M3ErrorCategory.Transient);
        M3ErrorClassifier.FromResponse(503, """{"retryable":false,"errors":[{"code":"GONE","message":"no"}]}""").IsRetryable.ShouldBeFalse();
        M3ErrorClassifier.FromResponse(409, """{"category":"conflict","retryable":false,"errors":[{"code":"DUPLICATE_WORKSHEET","message":"exists"}]}""")
            .Category.ShouldBe(M3ErrorCategory.Conflict);
        M3ErrorClassifier.FromResponse(404, """{"category":"not_found"}""").Category.ShouldBe(M3ErrorCategory.NotFound);
    }

    [Fact]
    public void TooManyRequests_CarriesRetryAfter()
    {
        var error = M3ErrorClassifier.FromResponse(429, "", TimeSpan.FromSeconds(90));

        error.IsRetryable.ShouldBeTrue();
        error.RetryAfter.ShouldBe(TimeSpan.FromSeconds(90));
    }

    [Fact]
    public void UnparseableBody_FallsBackToTheStatus()
    {
        M3ErrorClassifier.FromResponse(502, "<html>Bad gateway</html>").Category.ShouldBe(M3ErrorCategory.Transient);
    }

    [Fact]
    public void NetworkFailures_AreTransient()
    {
        M3ErrorClassifier.FromException(new HttpRequestException("Connection refused")).Details.Single().Code.ShouldBe("CONNECTION_FAILED");
        var timeout = M3ErrorClassifier.FromException(new TaskCanceledException("timed out"));
        timeout.Category.ShouldBe(M3ErrorCategory.Transient);
        timeout.Details.Single().Code.ShouldBe("TIMEOUT");
        timeout.HttpStatus.ShouldBeNull();
    }

    [Fact]
    public void A_duplicate_worksheet_conflict_carries_the_existing_reference()
    {
        var error = M3ErrorClassifier.FromResponse(409,
            """{"category":"conflict","retryable":false,"existingReference":"WK/2025000123","errors":[{"code":"DUPLICATE_WORKSHEET","message":"exists"}]}""");
        error.Category.ShouldBe(M3ErrorCategory.Conflict);
        error.ExistingReference.ShouldBe("WK/2025000123");
        error.IsRetryable.ShouldBeFalse();
    }
}

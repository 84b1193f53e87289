using System.Net;
using ElsaM3.M3pp.Contracts;
using ElsaM3.M3pp.Errors;
using ElsaM3.M3pp.Gateways;
using ElsaM3.M3pp.Identifiers;
using Microsoft.Extensions.Caching.Memory;

namespace ElsaM3.M3pp.Tests.Gateways;

/// <summary>The RestSharp gateway against a scripted HTTP handler: what it sends and how it classifies answers.</summary>
public sealed class RestM3ppGatewayTests
{
    private readonly ScriptedHandler _handler = new();

    private RestM3ppGateway Gateway(TimeSpan? timeout = null) => new(new RestCaller(new Handlers(_handler)),
        new Connections(new GatewayConnection(new Uri("http://hubis.test/m3pp/"), "key-key-key-key-key-key-key-key-key", timeout ?? TimeSpan.FromSeconds(5))),
        new MemoryCache(new MemoryCacheOptions()));

    [Fact]
    public async Task A_create_sends_the_key_the_idempotency_key_and_JSON_to_the_base_path()
    {
        _handler.Answer = _ => Json(HttpStatusCode.Created, """{"worksheetId":1,"reference":"WK/2025000123"}""", ("Idempotent-Replay", "true"));
        var result = await Gateway().CreateWorksheetAsync(new CreateWorksheetRequest { TaskCode = "NOISE" }, new IdempotencyKey("c:r:t"), default);

        result.IsSuccess.ShouldBeTrue();
        result.Value!.Reference.ShouldBe("WK/2025000123");
        result.Replayed.ShouldBeTrue();
        var request = _handler.Requests.Single();
        request.Uri.ShouldBe("http://hubis.test/m3pp/api/v1/worksheets");
        request.Headers["X-Api-Key"].ShouldBe("key-key-key-key-key-key-key-key-key");
        request.Headers["Idempotency-Key"].ShouldBe("c:r:t");
        request.Body.ShouldContain("\"taskCode\":\"NOISE\"");
    }

    [Fact]
    public async Task A_422_is_a_validation_failure_with_every_message()
    {
        _handler.Answer = _ => Json((HttpStatusCode)422, """{"category":"validation","retryable":false,"errors":[{"code":"TASK_INACTIVE","field":"taskCode","message":"Task 'X' is inactive."}]}""");
        var result = await Gateway().CreateWorksheetAsync(new CreateWorksheetRequest(), new IdempotencyKey("k"), default);
        result.Error!.Category.ShouldBe(M3ErrorCategory.Validation);
        result.Error.Details.Single().Message.ShouldBe("Task 'X' is inactive.");
        result.HttpStatus.ShouldBe(422);
    }

    [Fact]
    public async Task A_429_is_transient_and_carries_Retry_After()
    {
        _handler.Answer = _ =>
        {
            var response = Json((HttpStatusCode)429, """{"category":"transient","retryable":true,"errors":[]}""");
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(90));
            return response;
        };
        var result = await Gateway().UpdateAttributesAsync(new AttributeUpdateRequest(), default);
        result.Error!.Category.ShouldBe(M3ErrorCategory.Transient);
        result.Error.RetryAfter.ShouldBe(TimeSpan.FromSeconds(90));
    }

    [Fact]
    public async Task A_refused_connection_and_a_timeout_are_transient()
    {
        _handler.Answer = _ => throw new HttpRequestException("Connection refused");
        var refused = await Gateway().GetAssetAsync(PatternIdentifier.Parse<AssetKey>("AS00012345"), default);
        refused.Error!.Category.ShouldBe(M3ErrorCategory.Transient);

        _handler.Delay = TimeSpan.FromSeconds(5);
        _handler.Answer = _ => Json(HttpStatusCode.OK, "{}");
        var slow = await Gateway(TimeSpan.FromMilliseconds(100)).HealthAsync(default);
        slow.Error!.Category.ShouldBe(M3ErrorCategory.Transient);
        slow.Error.Message.ShouldBe("TIMEOUT: timeout after 0.1 s");
    }

    [Fact]
    public async Task A_worksheet_is_found_by_its_reference_in_the_query_string_and_a_miss_is_not_found()
    {
        _handler.Answer = _ => Json(HttpStatusCode.OK, """{"items":[]}""");
        var result = await Gateway().FindWorksheetAsync(PatternIdentifier.Parse<WorksheetReference>("WK/2025000123"), default);
        _handler.Requests.Single().Uri.ShouldBe("http://hubis.test/m3pp/api/v1/worksheets?reference=WK%2F2025000123", StringCompareShould.IgnoreCase);
        result.Error!.Category.ShouldBe(M3ErrorCategory.NotFound);
    }

    [Fact]
    public async Task Lookups_are_cached()
    {
        _handler.Answer = _ => Json(HttpStatusCode.OK, """{"items":[{"code":"EH","description":"Environmental Health","active":true}]}""");
        var gateway = Gateway();
        (await gateway.LookupAsync("lookups/departments", default)).Value!.Single().Code.ShouldBe("EH");
        (await gateway.LookupAsync("lookups/departments", default)).Value!.Single().Code.ShouldBe("EH");
        _handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Reading_the_change_feed_sends_the_cursor_and_limit_and_reads_the_page()
    {
        _handler.Answer = _ => Json(HttpStatusCode.OK, """
            {"items":[{"cursor":"000000000001842","kind":"worksheet","reference":"WK/2025000123","changedAt":"2025-03-18T10:02:11+00:00",
                       "change":"updated","fields":{"status":{"from":"OPEN","to":"CLOSED"}},"current":{"reference":"WK/2025000123","status":"CLOSED"}}],
             "next":"000000000001842"}
            """);
        ChangeCursor.TryParse("000000000001841", out var after).ShouldBeTrue();

        var page = await Gateway().ReadChangesAsync(after, 200, default);

        page.IsSuccess.ShouldBeTrue();
        _handler.Requests.Single().Uri.ShouldBe("http://hubis.test/m3pp/api/v1/changes?limit=200&after=000000000001841");
        var item = page.Value!.Items.Single();
        (item.Kind, item.Change, item.Fields!["status"].To!.GetValue<string>()).ShouldBe(("worksheet", "updated", "CLOSED"));
        page.Value.Next.ShouldBe("000000000001842");
    }

    [Fact]
    public async Task An_expired_cursor_is_told_apart_and_never_retried_and_a_missing_feed_is_not_found()
    {
        _handler.Answer = _ => Json(HttpStatusCode.Gone, """{"category":"gone","retryable":false,"errors":[{"code":"CURSOR_EXPIRED","field":"after","message":"too old"}]}""");
        var expired = await Gateway().ReadChangesAsync(null, 10, default);
        expired.Error!.IsCursorExpired.ShouldBeTrue();
        expired.Error.IsRetryable.ShouldBeFalse();

        _handler.Answer = _ => Json(HttpStatusCode.NotFound, """{"category":"not_found","retryable":false,"errors":[{"code":"FEED_DISABLED","message":"none"}]}""");
        var missing = await Gateway().ReadChangesAsync(null, 10, default);
        missing.Error!.Category.ShouldBe(M3ErrorCategory.NotFound);
        missing.Error.IsCursorExpired.ShouldBeFalse();
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("  ", false)]
    [InlineData("000000000001842", true)]
    [InlineData("opaque-cursor_7", true)]
    public void A_change_cursor_is_what_the_feed_gave_printable_and_short(string? text, bool valid) =>
        ChangeCursor.TryParse(text, out _).ShouldBe(valid);

    private static HttpResponseMessage Json(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers) response.Headers.TryAddWithoutValidation(name, value);
        return response;
    }

    private sealed class ScriptedHandler : HttpMessageHandler
    {
        public Func<HttpRequestMessage, HttpResponseMessage> Answer { get; set; } = _ => new HttpResponseMessage(HttpStatusCode.OK);
        public TimeSpan Delay { get; set; }
        public List<(string Uri, Dictionary<string, string> Headers, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request.RequestUri!.AbsoluteUri, request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value)),
                request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken)));
            await Task.Delay(Delay, cancellationToken);
            return Answer(request);
        }
    }

    private sealed class Handlers(HttpMessageHandler handler) : IHttpMessageHandlerFactory
    {
        public HttpMessageHandler CreateHandler(string name) => handler;
    }

    private sealed class Connections(GatewayConnection connection) : IGatewayConnections
    {
        public ValueTask<GatewayConnection> M3ppAsync(CancellationToken cancellationToken) => ValueTask.FromResult(connection);
        public ValueTask<GatewayConnection> CxmAsync(CancellationToken cancellationToken) => ValueTask.FromResult(connection);
    }
}

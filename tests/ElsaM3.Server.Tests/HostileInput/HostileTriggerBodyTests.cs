using System.Net;
using System.Text;
using ElsaM3.Server.Tests.Support;
using static ElsaM3.Server.Tests.Support.Workflows;

namespace ElsaM3.Server.Tests.HostileInput;

/// <summary>Bodies a trigger cannot take answer 4xx with what and where, and no instance is stored.</summary>
public sealed class HostileTriggerBodyTests : IAsyncLifetime
{
    private readonly ElsaM3Application _app = new(settings: new Dictionary<string, string?> { ["ElsaM3:Http:MaxRequestBodyBytes"] = "65536" });
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _admin = await _app.CreateAdminClientAsync();
        await _admin.PublishAsync(HttpWorkflow("hostile", "hostile", "POST", Respond("r", "ok"), Connect("ep", "r")));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<long> CountAsync() =>
        (await _admin.PostJsonAsync($"{ApiClient.Api}/workflow-instances", new { page = 0, pageSize = 1 }))["totalCount"]!.GetValue<long>();

    private async Task<string> RefusedAsync(HttpContent content, HttpStatusCode expected = HttpStatusCode.BadRequest, bool chunked = false)
    {
        var before = await CountAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/workflows/hostile") { Content = content };
        request.Headers.TransferEncodingChunked = chunked;
        var response = await _app.CreateClient().SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await CountAsync()).ShouldBe(before);
        return body;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task ANumberBeyondTheDoubleRange_1e400_Is400() =>
        (await RefusedAsync(Json("""{"a":1e400}"""))).ShouldContain("beyond the range");

    [Fact]
    public async Task AFourHundredDigitInteger_Is400() =>
        (await RefusedAsync(Json($$"""{"a":{{new string('9', 400)}}}"""))).ShouldContain("line 1, position");

    [Theory]
    [InlineData(33)]
    [InlineData(61)]
    [InlineData(64)]
    [InlineData(200)]
    public async Task JsonNestedDeeperThan32Levels_Is400(int depth) =>
        (await RefusedAsync(Json(new string('[', depth) + new string(']', depth)))).ShouldContain("deeper than 32 levels");

    [Fact]
    public async Task JsonNested32Levels_IsAccepted()
    {
        var response = await _app.CreateClient().PostAsync("/workflows/hostile", Json(new string('[', 32) + new string(']', 32)));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ADuplicateKey_Is400() =>
        (await RefusedAsync(Json("""{"status":"open","status":"closed"}"""))).ShouldContain("'status' appears twice");

    [Fact]
    public async Task MultipartWithoutABoundary_Is400()
    {
        var content = new StringContent("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--\r\n");
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("multipart/form-data");
        (await RefusedAsync(content)).ShouldContain("form body cannot be read");
    }

    [Fact]
    public async Task ABrokenMultipartBody_Is400()
    {
        var content = new StringContent("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated");
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        (await RefusedAsync(content)).ShouldContain("form body cannot be read");
    }

    [Fact]
    public async Task AChunkedFormBodyOverTheLimit_Is413()
    {
        var content = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes("a=" + new string('x', 200_000))));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        (await RefusedAsync(content, HttpStatusCode.RequestEntityTooLarge, chunked: true)).ShouldContain("larger than the limit of 65536 bytes");
    }

    [Fact]
    public async Task AChunkedJsonBodyOverTheLimit_Is413()
    {
        var content = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes($$"""{"a":"{{new string('x', 200_000)}}"}""")));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        (await RefusedAsync(content, HttpStatusCode.RequestEntityTooLarge, chunked: true)).ShouldContain("larger than the limit of 65536 bytes");
    }

    [Fact]
    public async Task InvalidUtf8Text_Is400()
    {
        var content = new ByteArrayContent([0x68, 0x69, 0xC3, 0x28]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        (await RefusedAsync(content)).ShouldContain("not valid UTF-8");
    }

    [Fact]
    public async Task ALoneSurrogateInJson_Is400() => await RefusedAsync(Json("""{"a":"\ud800"}"""));

    [Fact]
    public async Task AGoodFormStillWorks()
    {
        var response = await _app.CreateClient().PostAsync("/workflows/hostile", new FormUrlEncodedContent([new("a", "1")]));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

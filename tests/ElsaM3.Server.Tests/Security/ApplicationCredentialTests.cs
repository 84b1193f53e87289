using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using ElsaM3.Server.Tests.M3pp;
using ElsaM3.Server.Tests.Support;
using static ElsaM3.Server.Tests.Support.Workflows;

namespace ElsaM3.Server.Tests.Security;

/// <summary>Systems call the M3 samples with a machine credential; anything else gets 401 or 403 and creates nothing.</summary>
public sealed class ApplicationCredentialTests : IAsyncLifetime
{
    private const string WebhookSecret = "cxm-webhook-shared-secret-0123456789abcdef";
    private readonly ElsaM3Application _app = new(settings: new Dictionary<string, string?>
    {
        ["ElsaM3:Identity:Applications:0:Name"] = "cxm-webhooks",
        ["ElsaM3:Identity:Applications:0:SigningSecret"] = WebhookSecret,
        ["ElsaM3:Identity:Applications:0:Roles:0"] = "cxm",
        ["ElsaM3:Http:SensitiveHeaders:0"] = "X-Council-Token",
    });
    private HttpClient _admin = null!;

    public async Task InitializeAsync() => _admin = await _app.CreateAdminClientAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static JsonContent Case() => JsonContent.Create(M3ppKit.SampleCase("noise-complaint"));

    private async Task<long> CountInstancesAsync() =>
        (await _admin.PostJsonAsync($"{ApiClient.Api}/workflow-instances", new { page = 0, pageSize = 1 }))["totalCount"]!.GetValue<long>();

    private async Task<HttpResponseMessage> PostCaseAsync(Action<HttpRequestMessage> credential, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/workflows/cases/noise-complaint") { Content = content ?? Case() };
        credential(request);
        return await _app.CreateClient().SendAsync(request);
    }

    private async Task RefusedAsync(HttpStatusCode expected, Action<HttpRequestMessage> credential, HttpContent? content = null)
    {
        var before = await CountInstancesAsync();
        var response = await PostCaseAsync(credential, content);
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
        (await CountInstancesAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task NoCredential_Is401_AndCreatesNothing() => await RefusedAsync(HttpStatusCode.Unauthorized, _ => { });

    [Fact]
    public async Task AWrongKey_Is401_AndCreatesNothing()
    {
        await RefusedAsync(HttpStatusCode.Unauthorized, r => r.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", "cxm_not-the-key-0123456789abcdefghijklmnop"));
        await RefusedAsync(HttpStatusCode.Unauthorized, r => r.Headers.Add("X-Api-Key", "cxm_not-the-key-0123456789abcdefghijklmnop"));
    }

    [Fact]
    public async Task ASignedInAnalyst_IsNotTheCxmApplication_403()
    {
        var analyst = await _app.CreateAnalystClientAsync();
        await RefusedAsync(HttpStatusCode.Forbidden, r => r.Headers.Authorization = analyst.DefaultRequestHeaders.Authorization);
    }

    [Fact]
    public async Task TheCxmKey_StartsTheSample_SentAsApiKeyAuthorizationOrXApiKey()
    {
        (await PostCaseAsync(r => r.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", ElsaM3Application.CxmApiKey))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await PostCaseAsync(r => r.Headers.Add("X-Api-Key", ElsaM3Application.CxmApiKey))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    private static (string Timestamp, string Signature) Sign(string body, DateTimeOffset at) => SignedRequests.Sign(WebhookSecret, body, at);

    private static Action<HttpRequestMessage> Signed((string Timestamp, string Signature) signature) => r =>
    {
        r.Headers.Add("X-Timestamp", signature.Timestamp);
        r.Headers.Add("X-Signature", signature.Signature);
    };

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task ASignedBody_IsAcceptedOnce_AndAReplayIsRefused()
    {
        var body = M3ppKit.SampleCase("noise-complaint").ToJsonString();
        var signature = Sign(body, DateTimeOffset.UtcNow);

        var first = await PostCaseAsync(Signed(signature), Body(body));
        first.StatusCode.ShouldBe(HttpStatusCode.Accepted, await first.Content.ReadAsStringAsync());
        await RefusedAsync(HttpStatusCode.Unauthorized, Signed(signature), Body(body));
    }

    [Fact]
    public async Task AStaleOrFutureTimestamp_IsRefused()
    {
        var body = M3ppKit.SampleCase("noise-complaint").ToJsonString();
        await RefusedAsync(HttpStatusCode.Unauthorized, Signed(Sign(body, DateTimeOffset.UtcNow.AddMinutes(-6))), Body(body));
        await RefusedAsync(HttpStatusCode.Unauthorized, Signed(Sign(body, DateTimeOffset.UtcNow.AddMinutes(6))), Body(body));
    }

    [Fact]
    public async Task ATamperedBodyOrWrongSecret_IsRefused()
    {
        var body = M3ppKit.SampleCase("noise-complaint").ToJsonString();
        var signature = Sign(body, DateTimeOffset.UtcNow);
        await RefusedAsync(HttpStatusCode.Unauthorized, Signed(signature), Body(body.Replace("noise", "n0ise")));
        await RefusedAsync(HttpStatusCode.Unauthorized, Signed((signature.Timestamp, "sha256=" + new string('0', 64))), Body(body));
    }

    [Fact]
    public async Task AWaitingEndpointWithAPolicy_RefusesAnAnonymousResume_AndTakesTheApplication()
    {
        var waiting = WaitForPost("confirm", "confirmations/9", policy: "cxm") + "," + Respond("done", "confirmed by {{ Variables.Body.by }}");
        await _admin.PublishAsync(HttpWorkflow("confirmation", "confirmations/start", "POST", waiting, Connect("ep", "confirm") + "," + Connect("confirm", "done")));
        var anonymous = _app.CreateClient();
        var started = await anonymous.PostAsync("/workflows/confirmations/start", Body("{}"));
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var instanceId = started.Headers.GetValues("x-elsa-workflow-instance-id").Single();

        (await anonymous.PostAsync("/workflows/confirmations/9", Body("""{"by":"mallory"}"""))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var analyst = await _app.CreateAnalystClientAsync();
        (await analyst.PostAsync("/workflows/confirmations/9", Body("""{"by":"ana"}"""))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _admin.InstanceAsync(instanceId))["status"]!.GetValue<string>().ShouldBe("Running");

        var resumed = await _app.CreateCxmClient().PostAsync("/workflows/confirmations/9", Body("""{"by":"cxm"}"""));
        resumed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await resumed.Content.ReadAsStringAsync()).ShouldBe("confirmed by cxm");
        (await _admin.InstanceAsync(instanceId))["status"]!.GetValue<string>().ShouldBe("Finished");
    }

    [Fact]
    public async Task CredentialHeaders_AreNeverStored_OtherHeadersAre()
    {
        await _admin.PublishAsync(HttpWorkflow("headers", "headers", "POST", Respond("r", "ok"), Connect("ep", "r")));
        var request = new HttpRequestMessage(HttpMethod.Post, "/workflows/headers") { Content = Body("{}") };
        request.Headers.Authorization = _admin.DefaultRequestHeaders.Authorization;
        request.Headers.Add("Cookie", "session=secret-cookie-value");
        request.Headers.Add("X-Api-Key", "secret-x-api-key-value");
        request.Headers.Add("X-Council-Token", "secret-council-token-value");
        request.Headers.Add("X-Visible", "visible-header-value");
        var response = await _app.CreateClient().SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var instanceId = response.Headers.GetValues("x-elsa-workflow-instance-id").Single();

        var stored = (await _admin.InstanceAsync(instanceId)).ToJsonString()
            + await _admin.GetStringAsync($"{ApiClient.Api}/activity-executions/list?workflowInstanceId={instanceId}")
            + await _admin.GetStringAsync($"{ApiClient.Api}/workflow-instances/{instanceId}/journal");
        stored.ShouldContain("visible-header-value");
        var token = _admin.DefaultRequestHeaders.Authorization!.Parameter!;
        foreach (var secret in new[] { token, "secret-cookie-value", "secret-x-api-key-value", "secret-council-token-value" })
            stored.ShouldNotContain(secret);
    }

    [Fact]
    public async Task ASignatureFromElsewhere_StillLeavesNoTrace()
    {
        await _admin.PublishAsync(HttpWorkflow("signed-headers", "signed-headers", "POST", Respond("r", "ok"), Connect("ep", "r")));
        var body = "{}";
        var request = new HttpRequestMessage(HttpMethod.Post, "/workflows/signed-headers") { Content = Body(body) };
        Signed(Sign(body, DateTimeOffset.UtcNow))(request);
        var response = await _app.CreateClient().SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var instanceId = response.Headers.GetValues("x-elsa-workflow-instance-id").Single();
        var signature = request.Headers.GetValues("X-Signature").Single();
        (await _admin.InstanceAsync(instanceId)).ToJsonString().ShouldNotContain(signature[7..]);
    }
}

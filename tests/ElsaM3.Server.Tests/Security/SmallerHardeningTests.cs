using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ElsaM3.Server.Hosting;
using ElsaM3.Server.Tests.M3pp;
using ElsaM3.Server.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ElsaM3.Server.Tests.Security;

/// <summary>The smaller holes an analyst's or admin's probing found, each closed.</summary>
public sealed class SmallerHardeningTests
{
    [Fact]
    public async Task A_pasted_test_case_is_capped_and_one_user_keeps_one_whatever_the_casing()
    {
        await using var app = new ElsaM3Application(settings: new Dictionary<string, string?> { ["ElsaM3:TestCases:MaxPastedBytes"] = "4096" });
        var analyst = await app.CreateAnalystClientAsync();
        var big = M3ppKit.SampleCase("noise-complaint");
        big["fields"]!["complaint-details"] = new string('x', 8000);

        var refused = await analyst.PutAsJsonAsync("/api/test-cases/current", new { @case = big });

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await refused.Content.ReadAsStringAsync();
        problem.ShouldContain("\"case\"");
        problem.ShouldContain("ElsaM3:TestCases:MaxPastedBytes");

        var shouting = await ElsaM3Application.SignInAsync(app.CreateClient(), "ANA", ElsaM3Application.AnalystPassword);
        (await shouting.PutAsJsonAsync("/api/test-cases/current", new { @case = M3ppKit.SampleCase("litter-bin") })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await analyst.GetJsonAsync("/api/test-cases"))["current"]!["name"]!.GetValue<string>().ShouldBe("pasted");
    }

    [Fact]
    public async Task Settings_enums_are_parsed_strictly_and_a_protocol_relative_url_is_not_this_server()
    {
        await using var kit = await M3ppKit.StartAsync();

        foreach (var strategy in new[] { "Feed,Poll", "3", "Feed|Poll", "feedelsepoll,poll" })
        {
            var response = await kit.Admin.PutAsJsonAsync("/api/settings/m3pp", new { changeStrategy = strategy });
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, strategy);
            (await response.Content.ReadAsStringAsync()).ShouldContain("changeStrategy");
        }
        (await kit.Admin.PutAsJsonAsync("/api/settings/m3pp", new { changeStrategy = "poll" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await kit.Admin.GetJsonAsync("/api/settings/m3pp"))["changeStrategy"]!.GetValue<string>().ShouldBe("Poll");

        var elsewhere = await kit.Admin.PutAsJsonAsync("/api/settings/m3pp",
            new { enabled = true, cxmBaseUrl = "//attacker.example/cxm", cxmApiKey = new string('k', 40) });
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await elsewhere.Content.ReadAsStringAsync()).ShouldContain("not an absolute http(s) URL");
    }

    [Fact]
    public async Task Enabling_the_integration_checks_the_cxm_connection_too()
    {
        await using var kit = await M3ppKit.StartAsync();

        var wrongKey = await kit.Admin.PutAsJsonAsync("/api/settings/m3pp",
            new { enabled = true, cxmBaseUrl = "/simulators/cxm/", cxmApiKey = new string('w', 40) });

        wrongKey.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await wrongKey.Content.ReadAsStringAsync()).ShouldContain("Could not connect to CXM");
        (await kit.Admin.PutAsJsonAsync("/api/settings/m3pp", new { enabled = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_code_of_dots_asks_hubis_for_no_other_list()
    {
        var counter = new CountingM3ppGateway.Counter();
        await using var kit = await M3ppKit.StartAsync(services: services => CountingM3ppGateway.Install(services, counter));
        var literal = new { typeName = "String", expression = new { type = "Literal", value = ".." } };

        foreach (var (input, context) in new (string, object)[] { ("ApplicationCode", new { departmentCode = literal }), ("TaskGroupCode", new { applicationCode = literal }) })
        {
            var answer = await kit.Admin.PostJsonAsync($"{ApiClient.Api}/descriptors/activities/ElsaM3.M3pp.CreateWorksheet/options/{input}", new { context });
            answer["items"]!["dropdown"]!["selectList"]!["items"]!.AsArray().ShouldBeEmpty();
        }
        counter.Lookups.ShouldNotContain(path => path.Contains(".."));
        counter.Lookups.ShouldNotContain("lookups/applications");
    }

    [Fact]
    public void A_key_sent_in_the_query_string_is_masked_in_the_log()
    {
        var writer = new StringWriter();
        var line = "Request starting HTTP/1.1 POST http://127.0.0.1:5080/workflows/cases/noise-complaint?apiKey=cxm_0123456789abcdef0123456789abcdef&page=2&access_token=eyJ.secret - application/json 512";
        new EscapingConsoleFormatter().Write(new LogEntry<string>(LogLevel.Information, "Microsoft.AspNetCore.Hosting.Diagnostics", new EventId(1), line, null,
            (s, _) => s), null, writer);

        var logged = writer.ToString();
        logged.ShouldNotContain("cxm_0123456789abcdef");
        logged.ShouldNotContain("eyJ.secret");
        logged.ShouldContain("apiKey=***");
        logged.ShouldContain("access_token=***");
        logged.ShouldContain("page=2");
    }

    [Fact]
    public async Task A_signed_request_is_refused_again_after_a_restart_on_the_embedded_store()
    {
        const string secret = "cxm-webhook-shared-secret-0123456789abcdef";
        var dataDirectory = Path.Combine(Path.GetTempPath(), "elsam3-tests", Guid.NewGuid().ToString("N"));
        var settings = TestStore.PinnedToSqlite();
        settings["ElsaM3:Identity:Applications:0:Name"] = "cxm-webhooks";
        settings["ElsaM3:Identity:Applications:0:SigningSecret"] = secret;
        settings["ElsaM3:Identity:Applications:0:Roles:0"] = "cxm";
        var body = M3ppKit.SampleCase("noise-complaint").ToJsonString();
        var (timestamp, signature) = SignedRequests.Sign(secret, body, DateTimeOffset.UtcNow);
        HttpRequestMessage Signed()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/workflows/cases/noise-complaint") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Timestamp", timestamp);
            request.Headers.Add("X-Signature", signature);
            return request;
        }
        settings["ElsaM3:Samples:Directory"] = Path.Combine(M3ppKit.Root, "workflows");

        await using (var first = new ElsaM3Application(dataDirectory, settings))
            (await first.CreateClient().SendAsync(Signed())).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        await using var restarted = new ElsaM3Application(dataDirectory, settings);
        (await restarted.CreateClient().SendAsync(Signed())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

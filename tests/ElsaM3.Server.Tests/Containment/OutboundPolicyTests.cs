using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaM3.Server.Tests.Support;
using ElsaM3.Workflows.Http.Outbound;
using static ElsaM3.Server.Tests.Support.Workflows;

namespace ElsaM3.Server.Tests.Containment;

/// <summary>
/// HTTP activities call only where the outbound policy allows, decided on the resolved address before any connection;
/// the Test tab shows the request and sends nothing. Every connection here goes to a listener on 127.0.0.1.
/// </summary>
public sealed class OutboundPolicyTests : IAsyncLifetime
{
    private readonly LoopbackListener _internal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _internal.DisposeAsync();

    private string CallInternal(string method = "GET") =>
        HttpWorkflow("call-inside", "call-inside", "GET", SendHttpRequest("call", $"http://127.0.0.1:{_internal.Port}/admin/purge", method, "{\"all\":true}"),
            Connect("ep", "call"));

    [Fact]
    public async Task A_published_workflow_cannot_call_a_loopback_service_and_the_incident_names_the_policy()
    {
        await using var app = new ElsaM3Application();
        var analyst = await app.CreateAnalystClientAsync();
        await analyst.PublishAsync(CallInternal("DELETE"));

        var response = await app.CreateClient().GetAsync("/workflows/call-inside");

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var instance = await analyst.InstanceAsync(response.Headers.GetValues("x-elsa-workflow-instance-id").Single());
        var incident = instance["workflowState"]!["incidents"]![0]!["message"]!.GetValue<string>();
        incident.ShouldContain("loopback");
        incident.ShouldContain("ElsaM3:Http:Outbound:Allow");
        _internal.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_address_the_council_allows_is_called()
    {
        await using var app = new ElsaM3Application(settings: new Dictionary<string, string?> { ["ElsaM3:Http:Outbound:Allow:0"] = "127.0.0.1" });
        var analyst = await app.CreateAnalystClientAsync();
        await analyst.PublishAsync(CallInternal());

        var response = await app.CreateClient().GetAsync("/workflows/call-inside");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        _internal.Requests.Single().ShouldContain("X-Probe: from-a-workflow");
    }

    [Fact]
    public async Task The_test_tab_shows_the_request_and_sends_nothing_even_where_allowed()
    {
        await using var app = new ElsaM3Application(settings: new Dictionary<string, string?> { ["ElsaM3:Http:Outbound:Allow:0"] = "127.0.0.1" });
        var analyst = await app.CreateAnalystClientAsync();
        var saved = await analyst.PublishAsync(CallInternal("DELETE"));

        var result = await analyst.PostJsonAsync($"{ApiClient.Api}/tests/activities", new
        {
            workflowDefinitionHandle = new { definitionVersionId = saved["id"]!.GetValue<string>() },
            activityHandle = new { activityId = "call" },
        });

        var shown = result["activityState"]!["Request (not sent in a test)"]!;
        shown["method"]!.GetValue<string>().ShouldBe("DELETE");
        shown["url"]!.GetValue<string>().ShouldBe($"http://127.0.0.1:{_internal.Port}/admin/purge");
        shown["content"]!.GetValue<string>().ShouldContain("\"all\"");
        _internal.Requests.ShouldBeEmpty();
    }

    private static OutboundPolicy Policy(string[]? allow = null, string[]? deny = null) =>
        new(Microsoft.Extensions.Options.Options.Create(new OutboundOptions { Allow = [.. allow ?? []], Deny = [.. deny ?? []] }));

    [Theory]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.8.9.10", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("10.20.30.40", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.254", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("fd12:3456::1", "private")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("100.64.0.1", "shared")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("224.0.0.251", "multicast")]
    public void Internal_addresses_are_refused_naming_their_kind_and_the_setting(string address, string kind)
    {
        var refusal = Policy().Refusal("service", IPAddress.Parse(address));

        refusal.ShouldNotBeNull();
        refusal.ShouldContain(kind);
        refusal.ShouldContain("ElsaM3:Http:Outbound:Allow");
    }

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:2800:220:1::1")]
    public void Public_addresses_are_allowed(string address) => Policy().Refusal("service", IPAddress.Parse(address)).ShouldBeNull();

    [Fact]
    public void The_allow_list_opens_addresses_networks_and_host_names_and_the_deny_list_wins()
    {
        var policy = Policy(allow: ["10.20.0.0/16", "192.168.1.5", "*.council.local", "127.0.0.1"], deny: ["93.184.216.0/24", "evil.example", "127.0.0.1"]);

        policy.Refusal("m3", IPAddress.Parse("10.20.30.40")).ShouldBeNull();
        policy.Refusal("m3", IPAddress.Parse("10.21.0.1")).ShouldNotBeNull();
        policy.Refusal("printer", IPAddress.Parse("192.168.1.5")).ShouldBeNull();
        policy.Refusal("hubis.council.local", IPAddress.Parse("10.99.0.1")).ShouldBeNull();
        policy.Refusal("council.local.evil.example", IPAddress.Parse("10.99.0.1")).ShouldNotBeNull();
        policy.Refusal("example.org", IPAddress.Parse("93.184.216.34"))!.ShouldContain("ElsaM3:Http:Outbound:Deny");
        policy.Refusal("evil.example", IPAddress.Parse("8.8.8.8"))!.ShouldContain("Deny");
        policy.Refusal("localhost", IPAddress.Loopback)!.ShouldContain("Deny");
    }

    [Theory]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("192.168.1.5", true)]
    [InlineData("*.council.local", true)]
    [InlineData("m3.council.local", true)]
    [InlineData("http://m3/", false)]
    [InlineData("10.0.0.0/99", false)]
    public void Settings_entries_are_checked(string entry, bool valid) => OutboundPolicy.IsValidEntry(entry).ShouldBe(valid);
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaM3.Server.Tests.Support;

namespace ElsaM3.Server.Tests.M3pp;

/// <summary>The brief's General tab: <c>/api/settings/m3pp</c>.</summary>
public sealed class SettingsTests
{
    [Fact]
    public async Task The_settings_show_the_simulator_defaults_and_never_the_API_keys()
    {
        await using var kit = await M3ppKit.StartAsync();
        var text = await (await kit.Admin.GetAsync("/api/settings/m3pp")).Content.ReadAsStringAsync();
        var settings = JsonNode.Parse(text)!;
        settings["enabled"]!.GetValue<bool>().ShouldBeTrue();
        settings["externalReferenceField"]!.GetValue<string>().ShouldBe("EXTREF");
        settings["hubisBaseUrl"]!.GetValue<string>().ShouldBe("/simulators/m3pp");
        settings["hubisApiKeySet"]!.GetValue<bool>().ShouldBeTrue();
        text.ShouldNotContain(M3ppKit.ApiKey);
    }

    [Fact]
    public async Task Saving_an_unknown_external_reference_field_is_refused_with_the_reason_and_keeps_the_old_settings()
    {
        await using var kit = await M3ppKit.StartAsync();
        var response = await kit.Admin.PutAsJsonAsync("/api/settings/m3pp", new { enabled = true, externalReferenceField = "CXMREF" });
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).ShouldContain("The worksheet external reference field 'CXMREF' is not a worksheet field in M3");
        (await kit.Admin.GetJsonAsync("/api/settings/m3pp"))["externalReferenceField"]!.GetValue<string>().ShouldBe("EXTREF");
    }

    [Fact]
    public async Task Saving_a_wrong_API_key_or_an_unreachable_HUBis_is_refused()
    {
        await using var kit = await M3ppKit.StartAsync();
        var wrongKey = await kit.Admin.PutAsJsonAsync("/api/settings/m3pp", new { hubisApiKey = new string('x', 40) });
        wrongKey.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await wrongKey.Content.ReadAsStringAsync()).ShouldContain("Authentication");

        await kit.FaultAsync("m3pp", new { kind = "transient-503", next = 1, path = "/health" });
        var down = await kit.Admin.PutAsJsonAsync("/api/settings/m3pp", new { externalReferenceField = "EXTREF" });
        down.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await down.Content.ReadAsStringAsync()).ShouldContain("Could not connect to M3PP/Assure");

        var bad = await kit.Admin.PutAsJsonAsync("/api/settings/m3pp", new { timeoutSeconds = 0 });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("timeoutSeconds");
    }

    [Fact]
    public async Task The_change_strategy_and_poll_interval_are_saved_and_bad_values_are_refused_naming_the_field()
    {
        await using var kit = await M3ppKit.StartAsync();
        var defaults = await kit.Admin.GetJsonAsync("/api/settings/m3pp");
        defaults["changeStrategy"]!.GetValue<string>().ShouldBe("FeedElsePoll");
        defaults["pollIntervalSeconds"]!.GetValue<double>().ShouldBe(30);

        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { changeStrategy = "Push" }, "changeStrategy must be one of FeedElsePoll, Feed, Poll"),
            (new { changeStrategy = "1" }, "changeStrategy must be one of"),
            (new { pollIntervalSeconds = 0 }, "pollIntervalSeconds must be between 0.1 and 3600"),
            (new { pollIntervalSeconds = 7200 }, "pollIntervalSeconds must be between 0.1 and 3600"),
        })
        {
            var refused = await kit.Admin.PutAsJsonAsync("/api/settings/m3pp", body);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await refused.Content.ReadAsStringAsync()).ShouldContain(field);
        }

        (await kit.Admin.PutAsJsonAsync("/api/settings/m3pp", new { changeStrategy = "poll", pollIntervalSeconds = 2.5 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var saved = await kit.Admin.GetJsonAsync("/api/settings/m3pp");
        saved["changeStrategy"]!.GetValue<string>().ShouldBe("Poll");
        saved["pollIntervalSeconds"]!.GetValue<double>().ShouldBe(2.5);
        var audit = await kit.Admin.GetJsonAsync("/api/audit?action=SettingsChanged");
        audit["items"]![0]!["detail"]!.GetValue<string>().ShouldBe("changed: changeStrategy, pollIntervalSeconds");
    }

    [Fact]
    public async Task A_verified_save_is_kept_and_analysts_may_not_read_or_change_settings()
    {
        await using var kit = await M3ppKit.StartAsync();
        var saved = await kit.Admin.PutAsJsonAsync("/api/settings/m3pp", new { externalReferenceField = "EXTREF", timeoutSeconds = 12 });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await kit.Admin.GetJsonAsync("/api/settings/m3pp"))["timeoutSeconds"]!.GetValue<double>().ShouldBe(12);

        var analyst = await kit.App.CreateAnalystClientAsync();
        (await analyst.GetAsync("/api/settings/m3pp")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await analyst.GetAsync("/api/integration-log")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await kit.App.CreateClient().GetAsync("/api/settings/m3pp")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_disabled_integration_ends_the_activities_Invalid_and_logs_why()
    {
        await using var kit = await M3ppKit.StartAsync();
        (await kit.Admin.PutAsJsonAsync("/api/settings/m3pp", new { enabled = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var instance = await kit.WaitForAsync(await kit.SendCaseAsync("noise-complaint", M3ppKit.SampleCase("noise-complaint")), "Faulted");

        var entry = (await kit.LogAsync("101004567890")).Single();
        entry["outcome"]!.GetValue<string>().ShouldBe("Invalid");
        entry["messages"]![0]!.GetValue<string>().ShouldStartWith("Failed (validation): integration disabled");
        // The sample leaves Invalid unconnected, so the failure shows as an incident, never as a green instance.
        instance["workflowState"]!["incidents"]!.AsArray().Single()!["message"]!.GetValue<string>().ShouldContain("integration disabled");
        (await kit.WorksheetsForAsync("101004567890")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_simulators_and_without_settings_the_activities_end_Invalid_with_not_configured()
    {
        await using var kit = await M3ppKit.StartAsync(new Dictionary<string, string?> { ["ElsaM3:Simulators:Enabled"] = "false" });
        (await kit.App.CreateClient().GetAsync("/simulators/m3pp/api/v1/health")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var response = await kit.App.CreateCxmClient().PostAsJsonAsync("/workflows/cases/noise-complaint", M3ppKit.SampleCase("noise-complaint"));
        await kit.WaitForAsync(response.Headers.GetValues("x-elsa-workflow-instance-id").Single(), "Faulted");

        var entry = (await kit.LogAsync("101004567890")).Single();
        entry["outcome"]!.GetValue<string>().ShouldBe("Invalid");
        entry["messages"]![0]!.GetValue<string>().ShouldBe("Failed (validation): integration not configured: The HUBis base URL is not set.");
    }

    [Fact]
    public async Task The_integration_log_filters_by_outcome_and_operation_and_rejects_unknown_filters()
    {
        await using var kit = await M3ppKit.StartAsync();
        await kit.WaitForAsync(await kit.SendCaseAsync("noise-complaint", M3ppKit.SampleCase("noise-complaint")));
        var pulls = await kit.Admin.GetJsonAsync("/api/integration-log?operation=PullBackWorksheet&outcome=success");
        pulls["totalCount"]!.GetValue<long>().ShouldBe(1);
        (await kit.Admin.GetJsonAsync("/api/integration-log?outcome=Failed"))["totalCount"]!.GetValue<long>().ShouldBe(0);
        (await kit.Admin.GetJsonAsync("/api/integration-log?pageSize=1"))["items"]!.AsArray().Count.ShouldBe(1);
        var bad = await kit.Admin.GetAsync("/api/integration-log?outcome=Maybe");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("outcome must be one of Success, Invalid, Failed, Retrying, AlreadyExists");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaM3.Server.Tests.M3pp;
using ElsaM3.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaM3.Server.Tests.Studio;

/// <summary>Studio's Test tab (<c>POST /elsa/api/tests/activities</c>): one activity, a sample case, a dry run.</summary>
public sealed class ActivityTestTabTests : IAsyncLifetime
{
    private M3ppKit _kit = null!;
    private HttpClient _analyst = null!;

    public async Task InitializeAsync()
    {
        _kit = await M3ppKit.StartAsync();
        _analyst = await _kit.App.CreateAnalystClientAsync();
    }

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    private async Task<JsonObject> TestAsync(string definitionVersionId, string activityId) =>
        await _analyst.PostJsonAsync($"{ApiClient.Api}/tests/activities", new
        {
            workflowDefinitionHandle = new { definitionVersionId },
            activityHandle = new { activityNodeId = $"Workflow1:flowchart:{activityId}" },
        });

    [Fact]
    public async Task Create_Worksheet_tests_as_a_dry_run_showing_the_rendered_inputs_and_request_and_creates_nothing()
    {
        var cases = await _analyst.GetJsonAsync("/api/test-cases");
        cases["samples"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ShouldBe(["assisted-collection", "bin-attributes", "litter-bin", "noise-complaint-two-way", "noise-complaint"]);
        (await _analyst.PutAsJsonAsync("/api/test-cases/current", new { sample = "noise-complaint" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var result = await TestAsync("noise-complaint-v1", "create");

        result["status"]!.GetValue<string>().ShouldBe("Completed");
        result["payload"]!["Outcomes"]!.AsArray().Single()!.GetValue<string>().ShouldBe("Done");
        var state = result["activityState"]!;
        state["SubjectUprn"]!.GetValue<string>().ShouldBe("100091234567");
        state["Request"]!["taskCode"]!.GetValue<string>().ShouldBe("NOISE");
        state["Validation"]!.GetValue<string>().ShouldStartWith("valid");
        // M3 validated the would-be worksheet (it knows the officer for the area) without creating it.
        result["outputs"]!["Record"]!["officer"]!["name"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        result["outputs"]!["Record"]!["reference"].ShouldBeNull();
        (await _kit.WorksheetsForAsync("101004567890")).ShouldBeEmpty();
        (await _kit.LogAsync("101004567890")).ShouldBeEmpty();
        (await _kit.CaseAsync("101004567890")).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_mistyped_code_tests_Invalid_with_M3s_reason_from_the_validate_only_call()
    {
        await _kit.PublishVariantAsync("noise-complaint", "noise-mistyped", a =>
        {
            if (a["id"]!.GetValue<string>() == "create") a["taskCode"]!["expression"]!["value"] = "NOIS";
        });
        (await _analyst.PutAsJsonAsync("/api/test-cases/current", new { sample = "noise-complaint" })).EnsureSuccessStatusCode();

        var result = await TestAsync("noise-mistyped-v1", "create");

        result["payload"]!["Outcomes"]!.AsArray().Single()!.GetValue<string>().ShouldBe("Invalid");
        result["activityState"]!["Validation"]!.GetValue<string>().ShouldContain("Task 'NOIS' is not in task group 'EPENQ'.");
        (await _kit.InjectedFaultsAsync("m3pp")).ShouldBe(0);
    }

    [Fact]
    public async Task A_template_typed_into_a_Literal_box_is_refused_by_name()
    {
        await _kit.PublishVariantAsync("noise-complaint", "noise-literal", a =>
        {
            if (a["id"]!.GetValue<string>() == "create") a["subjectUprn"]!["expression"]!["type"] = "Literal";
        });

        var result = await TestAsync("noise-literal-v1", "create");

        result["payload"]!["Outcomes"]!.AsArray().Single()!.GetValue<string>().ShouldBe("Invalid");
        result["activityState"]!["Validation"]!.GetValue<string>()
            .ShouldContain("mapping 'Subject UPRN' looks like a template but the syntax is Literal");
    }

    [Fact]
    public async Task A_pasted_case_is_used_and_a_malformed_one_is_400_naming_the_field()
    {
        var @case = M3ppKit.SampleCase("noise-complaint");
        @case["address"]!["uprn"] = "100091234999";
        (await _analyst.PutAsJsonAsync("/api/test-cases/current", new { @case })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await TestAsync("noise-complaint-v1", "create");
        result["activityState"]!["SubjectUprn"]!.GetValue<string>().ShouldBe("100091234999");
        result["activityState"]!["Validation"]!.GetValue<string>().ShouldContain("UPRN 100091234999 is not in the gazetteer");

        var bad = await _analyst.PutAsJsonAsync("/api/test-cases/current", new { @case = new { caseType = "noise" } });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("reference: is required");
        var both = await _analyst.PutAsJsonAsync("/api/test-cases/current", new { sample = "noise-complaint", @case });
        both.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await _analyst.PutAsJsonAsync("/api/test-cases/current", new { sample = "nope" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_case_trigger_tests_by_checking_the_chosen_case()
    {
        (await _analyst.PutAsJsonAsync("/api/test-cases/current", new { sample = "noise-complaint" })).EnsureSuccessStatusCode();
        var result = await TestAsync("noise-complaint-v1", "endpoint");
        result["status"]!.GetValue<string>().ShouldBe("Completed");
        result["outputs"]!["CaseReference"]!.GetValue<string>().ShouldBe("101004567890");
    }

    [Fact]
    public async Task An_unknown_version_or_activity_is_404_and_a_missing_handle_400()
    {
        var response = await _analyst.PostAsJsonAsync($"{ApiClient.Api}/tests/activities", new { workflowDefinitionHandle = new { definitionVersionId = "nope" }, activityHandle = new { activityNodeId = "x" } });
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response = await _analyst.PostAsJsonAsync($"{ApiClient.Api}/tests/activities", new { workflowDefinitionHandle = new { definitionVersionId = "noise-complaint-v1" }, activityHandle = new { activityNodeId = "x" } });
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response = await _analyst.PostAsJsonAsync($"{ApiClient.Api}/tests/activities", new { workflowDefinitionHandle = new { definitionVersionId = "noise-complaint-v1" } });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("activityHandle.activityNodeId");
        (await _kit.App.CreateClient().PostAsJsonAsync($"{ApiClient.Api}/tests/activities", new { })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Without_a_validate_only_call_the_dry_run_falls_back_to_local_checks_and_says_so()
    {
        WithoutValidateOnlyCall? gateway = null;
        await using var kit = await M3ppKit.StartAsync(services: s => s.AddSingleton<ElsaM3.M3pp.Gateways.IM3ppGateway>(sp =>
            gateway = new WithoutValidateOnlyCall(Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<ElsaM3.M3pp.Gateways.RestM3ppGateway>(sp))));
        var analyst = await kit.App.CreateAnalystClientAsync();

        var result = await analyst.PostJsonAsync($"{ApiClient.Api}/tests/activities", new
        {
            workflowDefinitionHandle = new { definitionVersionId = "noise-complaint-v1" },
            activityHandle = new { activityNodeId = "Workflow1:flowchart:create" },
        });

        gateway!.DryRuns.ShouldBe(1);
        result["payload"]!["Outcomes"]!.AsArray().Single()!.GetValue<string>().ShouldBe("Done");
        result["activityState"]!["M3 check"]!.GetValue<string>().ShouldBe("this M3 connection has no validate-only call: local checks only.");
    }
}

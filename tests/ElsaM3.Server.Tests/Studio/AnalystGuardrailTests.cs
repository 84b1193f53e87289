using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaM3.Server.Tests.M3pp;
using ElsaM3.Server.Tests.Support;

namespace ElsaM3.Server.Tests.Studio;

/// <summary>What keeps an analyst from being misled: template defaults, publish warnings, links that lead somewhere.</summary>
public sealed class AnalystGuardrailTests : IAsyncLifetime
{
    private M3ppKit _kit = null!;

    public async Task InitializeAsync() => _kit = await M3ppKit.StartAsync();

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task A_dropped_Create_Worksheet_starts_its_template_inputs_in_Scriban_and_its_codes_in_Literal()
    {
        var descriptors = await _kit.Admin.GetJsonAsync($"{ApiClient.Api}/descriptors/activities");
        var create = descriptors["items"]!.AsArray().Single(d => d!["typeName"]!.GetValue<string>() == "ElsaM3.M3pp.CreateWorksheet")!;
        var construction = create["constructionProperties"]!.AsObject();
        construction["SubjectUprn"]!["expression"]!["type"]!.GetValue<string>().ShouldBe("Scriban");
        construction.Select(p => p.Key).Order().ShouldBe(["ComplainantEmail", "ComplainantForename", "ComplainantSurname", "ComplainantTelephone",
            "ComplainantTitle", "Description", "ReceivedDateTime", "SubjectUprn"]);
    }

    [Fact]
    public async Task Saving_answers_warnings_for_unconnected_failure_outcomes_and_templates_in_Literal_boxes()
    {
        var workflow = M3ppKit.SampleWorkflow("noise-complaint");
        workflow["root"]!["activities"]!.AsArray().First(a => a!["id"]!.GetValue<string>() == "create")!["subjectUprn"]!["expression"]!["type"] = "Literal";

        var answer = await _kit.Admin.PostJsonAsync($"{ApiClient.Api}/workflow-definitions", new { model = workflow, publish = false });

        var warnings = answer["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).ToList();
        warnings.ShouldContain(w => w.StartsWith("'CreateNoiseWorksheet' (Create Worksheet): its Invalid outcome is not connected"));
        warnings.ShouldContain(w => w.StartsWith("'CreateNoiseWorksheet' (Create Worksheet): its Failed outcome is not connected"));
        warnings.ShouldContain("'CreateNoiseWorksheet' (Create Worksheet): 'Subject UPRN' looks like a template but the syntax is Literal; choose Scriban or it is refused at run time.");
        warnings.ShouldNotContain(w => w.Contains("CaseReceived"));
        // Studio's Publish button calls /publish: its answer carries them too.
        var published = await _kit.Admin.PostJsonAsync($"{ApiClient.Api}/workflow-definitions/noise-complaint/publish", new { });
        published["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).ShouldBe(warnings);
    }

    [Fact]
    public async Task Studios_root_relative_links_lead_into_studio_and_a_CXM_call_to_the_same_path_is_not_redirected()
    {
        var browser = _kit.App.CreateClient(new() { AllowAutoRedirect = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/workflows/definitions/noise-complaint/edit");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        var response = await browser.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/studio/workflows/definitions/noise-complaint/edit");

        response = await browser.GetAsync("/diagnostics/structured-logs?workflowInstanceId=abc123");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/studio/integration-log?workflowInstanceId=abc123");

        (await _kit.App.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/workflows/definitions/noise-complaint/edit")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_faulted_instance_ends_its_flowchart_record_and_shows_no_build_paths()
    {
        await _kit.PublishVariantAsync("noise-complaint", "noise-disabled", a =>
        {
            if (a["id"]!.GetValue<string>() == "create") a["taskCode"]!["expression"]!["value"] = "no good";
        });
        var instanceId = await _kit.SendCaseAsync("noise-disabled", M3ppKit.SampleCase("noise-complaint"));
        var instance = await _kit.WaitForAsync(instanceId, "Faulted");

        var records = (await _kit.Admin.GetJsonAsync($"{ApiClient.Api}/activity-executions/list?workflowInstanceId={instanceId}"))["items"]!.AsArray();
        var flowchart = records.Single(r => r!["activityType"]!.GetValue<string>() == "Elsa.Flowchart")!;
        flowchart["status"]!.GetValue<string>().ShouldBe("Faulted");
        flowchart["completedAt"].ShouldNotBeNull();
        var incident = instance["workflowState"]!["incidents"]!.AsArray().Single()!;
        incident["message"]!.GetValue<string>().ShouldContain("mapping 'Task code'");
        var stackTrace = incident["exception"]!["stackTrace"]?.GetValue<string>() ?? "";
        stackTrace.ShouldNotContain(":line ");
    }

    [Fact]
    public async Task A_worksheet_created_before_a_failed_CXM_write_back_keeps_its_reference_in_the_log()
    {
        await _kit.FaultAsync("cxm", new { kind = "transient-503", next = 100, method = "PATCH" });
        var instanceId = await _kit.SendCaseAsync("noise-complaint", M3ppKit.SampleCase("noise-complaint"));
        await _kit.WaitForAsync(instanceId, "Faulted");

        var failed = (await _kit.LogAsync("101004567890")).Last();
        failed["outcome"]!.GetValue<string>().ShouldBe("Failed");
        failed["externalReference"]!.GetValue<string>().ShouldBe("WK/2025000123");
        (await _kit.WorksheetsForAsync("101004567890")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_simulators_validate_only_calls_create_and_change_nothing()
    {
        var request = new
        {
            departmentCode = "EH", applicationCode = "CEH", taskGroupCode = "EPENQ", taskCode = "NOISE",
            receivedDateTime = "2025-03-14T22:47:00", subject = new { uprn = "100091234567" },
        };
        var dry = await _kit.Simulator.PostAsJsonAsync("/simulators/m3pp/api/v1/worksheets?dryRun=true", request);
        dry.StatusCode.ShouldBe(HttpStatusCode.OK);
        var wouldBe = JsonNode.Parse(await dry.Content.ReadAsStringAsync())!;
        wouldBe["reference"].ShouldBeNull();
        wouldBe["worksheetId"].ShouldBeNull();
        wouldBe["officer"]!["name"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        (await _kit.Simulator.GetJsonAsync("/simulators/m3pp/api/v1/worksheets?reference=WK%2F2025000123"))["items"]!.AsArray().ShouldBeEmpty();

        var bad = await _kit.Simulator.PostAsJsonAsync("/simulators/m3pp/api/v1/worksheets?dryRun=true", new { departmentCode = "EH" });
        bad.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);

        // A real create afterwards still gets the first reference: the dry run used no number.
        var real = await _kit.Simulator.PostAsJsonAsync("/simulators/m3pp/api/v1/worksheets", request);
        JsonNode.Parse(await real.Content.ReadAsStringAsync())!["reference"]!.GetValue<string>().ShouldBe("WK/2025000123");
    }

    private async Task<List<string>> OptionsAsync(string type, string input, object context)
    {
        var answer = await _kit.Admin.PostJsonAsync($"{ApiClient.Api}/descriptors/activities/{type}/options/{input}", new { context });
        answer["items"]!["Refresh"]!.GetValue<bool>().ShouldBeTrue();
        return answer["items"]!["dropdown"]!["selectList"]!["items"]!.AsArray().Select(i => i!["value"]!.GetValue<string>()).ToList();
    }

    private static object Literal(string value) => new { typeName = "String", expression = new { type = "Literal", value } };

    [Fact]
    public async Task M3_code_inputs_offer_HUBis_lookups_each_following_the_code_above_it()
    {
        var create = await _kit.Admin.GetJsonAsync($"{ApiClient.Api}/descriptors/activities");
        var department = create["items"]!.AsArray().Single(d => d!["typeName"]!.GetValue<string>() == "ElsaM3.M3pp.CreateWorksheet")!["inputs"]!.AsArray()
            .Single(i => i!["name"]!.GetValue<string>() == "DepartmentCode")!;
        department["uiHint"]!.GetValue<string>().ShouldBe("dropdown");
        department["uiSpecifications"]!["Refresh"]!.GetValue<bool>().ShouldBeTrue();

        (await OptionsAsync("ElsaM3.M3pp.CreateWorksheet", "DepartmentCode", new { })).ShouldContain("EH");
        (await OptionsAsync("ElsaM3.M3pp.CreateWorksheet", "ApplicationCode", new { })).ShouldBeEmpty();
        (await OptionsAsync("ElsaM3.M3pp.CreateWorksheet", "ApplicationCode", new { departmentCode = Literal("EH") })).ShouldContain("CEH");
        (await OptionsAsync("ElsaM3.M3pp.CreateWorksheet", "TaskGroupCode", new { applicationCode = Literal("CEH") })).ShouldContain("EPENQ");
        var tasks = await OptionsAsync("ElsaM3.M3pp.CreateWorksheet", "TaskCode", new { taskGroupCode = Literal("EPENQ"), taskCode = Literal("NOIS") });
        tasks.ShouldContain("NOISE");
        tasks[0].ShouldBe("NOIS"); // the value already chosen stays visible, though M3 does not list it
        (await OptionsAsync("ElsaM3.M3pp.UpdateAttributeByProperty", "AttributeCode", new { assetType = Literal("WBIN") })).ShouldContain("ASSIST");
        (await OptionsAsync("ElsaM3.M3pp.CreateAsset", "AssetType", new { })).ShouldContain("LBIN");
        // A template in a code input is not a choice; the list is still offered.
        (await OptionsAsync("ElsaM3.M3pp.CreateWorksheet", "DepartmentCode", new { departmentCode = new { typeName = "String", expression = new { type = "Scriban", value = "{{ x }}" } } }))
            .ShouldNotContain("{{ x }}");
        (await _kit.Admin.PostAsJsonAsync($"{ApiClient.Api}/descriptors/activities/ElsaM3.M3pp.CreateWorksheet/options/Nope", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

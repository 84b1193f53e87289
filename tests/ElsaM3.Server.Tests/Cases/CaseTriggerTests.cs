using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ElsaM3.Server.Tests.M3pp;
using ElsaM3.Server.Tests.Support;

namespace ElsaM3.Server.Tests.Cases;

/// <summary>CXM Case Received: the samples' trigger, checking the case before anything starts and binding it with no wiring.</summary>
public sealed class CaseTriggerTests : IAsyncLifetime
{
    private M3ppKit _kit = null!;

    public async Task InitializeAsync() => _kit = await M3ppKit.StartAsync();

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task A_posted_case_is_answered_202_with_the_instance_correlated_by_case_reference_and_its_templates_see_the_case()
    {
        var @case = M3ppKit.SampleCase("noise-complaint");
        (await _kit.Simulator.PutAsJsonAsync("/simulators/cxm/api/v1/cases/101004567890", @case)).EnsureSuccessStatusCode();

        var response = await _kit.App.CreateCxmClient().PostAsJsonAsync("/workflows/cases/noise-complaint", @case);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var instanceId = response.Headers.GetValues("x-elsa-workflow-instance-id").Single();
        answer["workflowInstanceId"]!.GetValue<string>().ShouldBe(instanceId);
        answer["caseReference"]!.GetValue<string>().ShouldBe("101004567890");
        var instance = await _kit.WaitForAsync(instanceId);
        instance["correlationId"]!.GetValue<string>().ShouldBe("101004567890");
        // The sample has no Case variable: the worksheet's subject came from {{ address.uprn }} all the same.
        M3ppKit.SampleWorkflow("noise-complaint")["variables"]!.AsArray().ShouldBeEmpty();
        (await _kit.WorksheetsForAsync("101004567890")).Single()!["subject"]!["uprn"]!.GetValue<string>().ShouldBe("100091234567");
    }

    [Theory]
    [InlineData("""{"caseType":"noise-nuisance"}""", "reference: is required")]
    [InlineData("""{"reference":"x\", \"status\": \"rejected"}""", "reference: may contain only letters, digits")]
    [InlineData("""{"reference":"C-1","dates":{"created":"14/03/2025"}}""", "dates.created: '14/03/2025' is not an ISO 8601 date-time")]
    [InlineData("""{"reference":"C-1","fields":{"noise-type":["a"]}}""", "fields.noise-type: must be a string, number, true/false or a choice")]
    [InlineData("""{"reference":"C-1","address":"14 Orchard Way"}""", "address: must be a JSON object")]
    [InlineData("""[1,2]""", "the body must be a JSON object")]
    public async Task A_malformed_case_is_400_naming_the_field_and_starts_nothing(string body, string problem)
    {
        var before = (await _kit.Admin.GetJsonAsync($"{ApiClient.Api}/workflow-instances?pageSize=1"))["totalCount"]!.GetValue<long>();

        var response = await _kit.App.CreateCxmClient().PostAsync("/workflows/cases/noise-complaint", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain(problem);
        response.Headers.Contains("x-elsa-workflow-instance-id").ShouldBeFalse();
        (await _kit.Admin.GetJsonAsync($"{ApiClient.Api}/workflow-instances?pageSize=1"))["totalCount"]!.GetValue<long>().ShouldBe(before);
    }

    [Fact]
    public async Task Only_the_CXM_application_may_post_cases_by_default()
    {
        var @case = M3ppKit.SampleCase("noise-complaint");
        (await _kit.App.CreateClient().PostAsJsonAsync("/workflows/cases/noise-complaint", @case)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var analyst = await _kit.App.CreateAnalystClientAsync();
        (await analyst.PostAsJsonAsync("/workflows/cases/noise-complaint", @case)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_old_wiring_an_HTTP_Endpoint_bound_to_a_Case_variable_still_works()
    {
        var workflow = M3ppKit.SampleWorkflow("noise-complaint");
        workflow["id"] = "noise-old-wiring-v1";
        workflow["definitionId"] = "noise-old-wiring";
        workflow["variables"] = JsonNode.Parse("""[{"id":"v-case","name":"Case","typeName":"Object","isArray":false}]""");
        var activities = workflow["root"]!["activities"]!.AsArray();
        var trigger = activities.First(a => a!["id"]!.GetValue<string>() == "endpoint")!.AsObject();
        activities[activities.IndexOf(trigger)] = JsonNode.Parse("""
            {"id":"endpoint","type":"Elsa.HttpEndpoint","version":1,
             "path":{"typeName":"String","expression":{"type":"Literal","value":"cases/noise-old-wiring"}},
             "supportedMethods":{"typeName":"String[]","expression":{"type":"Object","value":"[\"POST\"]"}},
             "policy":{"typeName":"String","expression":{"type":"Literal","value":"cxm"}},
             "parsedContent":{"typeName":"Object","memoryReference":{"id":"v-case"}},
             "customProperties":{"canStartWorkflow":true}}
            """);
        await _kit.Admin.PublishAsync(workflow.ToJsonString());

        await _kit.WaitForAsync(await _kit.SendCaseAsync("noise-old-wiring", M3ppKit.SampleCase("noise-complaint")));

        (await _kit.CaseAsync("101004567890"))["references"]!["m3-worksheet"]!.GetValue<string>().ShouldBe("WK/2025000123");
    }

    [Fact]
    public async Task Execution_records_show_what_each_template_rendered_to_under_the_descriptor_name()
    {
        var instanceId = await _kit.SendCaseAsync("noise-complaint", M3ppKit.SampleCase("noise-complaint"));
        await _kit.WaitForAsync(instanceId);

        var records = await _kit.Admin.GetJsonAsync($"{ApiClient.Api}/activity-executions/list?workflowInstanceId={instanceId}");
        var create = records["items"]!.AsArray().Last(r => r!["activityId"]!.GetValue<string>() == "create")!["activityState"]!;
        create["SubjectUprn"]!.GetValue<string>().ShouldBe("100091234567");
        create["ComplainantSurname"]!.GetValue<string>().ShouldBe("Shah");
        create["ReceivedDateTime"]!.GetValue<string>().ShouldNotContain("{{");
        create["DepartmentCode"]!.GetValue<string>().ShouldBe("EH");
    }

    [Fact]
    public async Task A_Write_HTTP_Response_after_the_trigger_answers_instead_of_the_202()
    {
        var workflow = JsonNode.Parse("""
            {"id":"case-echo-v1","definitionId":"case-echo","name":"case echo","version":1,"variables":[],
             "root":{"id":"fc","type":"Elsa.Flowchart","version":1,"activities":[
               {"id":"received","type":"ElsaM3.Cxm.CaseReceived","version":1,
                "path":{"typeName":"String","expression":{"type":"Literal","value":"cases/echo"}},
                "customProperties":{"canStartWorkflow":true}},
               {"id":"answer","type":"Elsa.WriteHttpResponse","version":1,
                "statusCode":{"typeName":"System.Net.HttpStatusCode, System.Net.Primitives","expression":{"type":"Literal","value":"OK"}},
                "content":{"typeName":"Object","expression":{"type":"Scriban","value":"case {{ reference }} at {{ address.uprn }}"}}}],
              "connections":[{"source":{"activity":"received","port":"Done"},"target":{"activity":"answer","port":"In"}}]}}
            """)!.AsObject();
        await _kit.Admin.PublishAsync(workflow.ToJsonString());

        var response = await _kit.App.CreateCxmClient().PostAsJsonAsync("/workflows/cases/echo", M3ppKit.SampleCase("noise-complaint"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("case 101004567890 at 100091234567");
    }
}

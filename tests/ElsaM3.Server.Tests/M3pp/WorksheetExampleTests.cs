using ElsaM3.Server.Tests.Support;

namespace ElsaM3.Server.Tests.M3pp;

/// <summary>HUBis contract §7.1 (noise complaint → worksheet) and its variants, end to end through the HTTP trigger.</summary>
public sealed class WorksheetExampleTests
{
    [Fact]
    public async Task A_noise_case_creates_the_worksheet_stores_its_reference_and_pulls_back_target_date_and_officer()
    {
        await using var kit = await M3ppKit.StartAsync();
        var instanceId = await kit.SendCaseAsync("noise-complaint", M3ppKit.SampleCase("noise-complaint"));
        await kit.WaitForAsync(instanceId);

        var worksheet = (await kit.WorksheetsForAsync("101004567890")).Single()!.AsObject();
        worksheet["reference"]!.GetValue<string>().ShouldBe("WK/2025000123");
        worksheet["taskCode"]!.GetValue<string>().ShouldBe("NOISE");
        worksheet["receivedDateTime"]!.GetValue<string>().ShouldBe("2025-03-14T22:47:00+00:00");
        worksheet["subject"]!["uprn"]!.GetValue<string>().ShouldBe("100091234567");
        worksheet["complainant"]!["surname"]!.GetValue<string>().ShouldBe("Shah");
        worksheet["complainant"]!["address"]!["uprn"]!.GetValue<string>().ShouldBe("100091234568");
        worksheet["description"]!.GetValue<string>().ShouldEndWith("Heard in bedroom.");
        worksheet["receivedMethod"]!.GetValue<string>().ShouldBe("WEB");
        worksheet["externalReference"]!.ToJsonString().ShouldBe("""{"fieldName":"EXTREF","value":"101004567890"}""");
        worksheet["additionalFields"]!.ToJsonString().ShouldBe("""{"NOISETYPE":"MUSIC","ONGOING":"Y"}""");

        var @case = await kit.CaseAsync("101004567890");
        @case["references"]!["m3-worksheet"]!.GetValue<string>().ShouldBe("WK/2025000123");
        @case["fields"]!["m3-target-date"]!.GetValue<string>().ShouldBe("2025-03-21");
        @case["fields"]!["m3-officer"]!.GetValue<string>().ShouldBe("Jo Smith");

        var log = await kit.LogAsync("101004567890");
        log.Select(e => $"{e["operation"]}:{e["outcome"]}:{e["attempts"]}:{e["externalReference"]}")
            .ShouldBe(["CreateWorksheet:Success:1:WK/2025000123", "PullBackWorksheet:Success:1:WK/2025000123"]);
        log[0]["httpStatus"]!.GetValue<int>().ShouldBe(201);
    }

    [Fact]
    public async Task A_mistyped_task_code_is_a_validation_failure_that_is_logged_with_M3s_reason_and_never_retried()
    {
        await using var kit = await M3ppKit.StartAsync();
        await kit.PublishVariantAsync("noise-complaint", "noise-mistyped", a =>
        {
            if (a["id"]!.GetValue<string>() == "create") a["taskCode"]!["expression"]!["value"] = "NOIS";
        });
        var instanceId = await kit.SendCaseAsync("noise-mistyped", M3ppKit.SampleCase("noise-complaint"));
        await kit.WaitForAsync(instanceId, "Faulted");

        var entry = (await kit.LogAsync("101004567890")).Single();
        entry["outcome"]!.GetValue<string>().ShouldBe("Invalid");
        entry["attempts"]!.GetValue<int>().ShouldBe(1);
        entry["errorCategory"]!.GetValue<string>().ShouldBe("validation");
        entry["httpStatus"]!.GetValue<int>().ShouldBe(422);
        entry["messages"]![0]!.GetValue<string>().ShouldBe("Failed (validation): Task 'NOIS' is not in task group 'EPENQ'.");
        (await kit.WorksheetsForAsync("101004567890")).ShouldBeEmpty();
        (await kit.CaseAsync("101004567890"))["references"]!["m3-worksheet"].ShouldBeNull();
    }

    [Fact]
    public async Task A_case_without_a_linked_address_fails_the_mandatory_Subject_UPRN_check_before_any_call()
    {
        await using var kit = await M3ppKit.StartAsync();
        var @case = M3ppKit.SampleCase("noise-complaint");
        @case["reference"] = "101004567891";
        @case.Remove("address");
        // Every M3 call would fail, so a call made anyway would show up as a fault.
        await kit.FaultAsync("m3pp", new { kind = "transient-503", next = 100 });
        var instanceId = await kit.SendCaseAsync("noise-complaint", @case);
        await kit.WaitForAsync(instanceId, "Faulted");

        var entry = (await kit.LogAsync("101004567891")).Single();
        entry["outcome"]!.GetValue<string>().ShouldBe("Invalid");
        entry["attempts"]!.GetValue<int>().ShouldBe(0);
        entry["messages"]![0]!.GetValue<string>().ShouldBe("Failed (validation): mandatory mapping 'Subject UPRN' resolved to an empty value.");
        (await kit.InjectedFaultsAsync("m3pp")).ShouldBe(0);
        var instance = await kit.Admin.GetJsonAsync($"/elsa/api/workflow-instances/{instanceId}");
        instance["subStatus"]!.GetValue<string>().ShouldBe("Faulted");
        instance["workflowState"]!["incidents"]!.AsArray().Single()!["message"]!.GetValue<string>().ShouldContain("'Subject UPRN' resolved to an empty value");
    }

    [Fact]
    public async Task Two_503s_then_success_is_logged_as_success_after_three_attempts()
    {
        await using var kit = await M3ppKit.StartAsync();
        await kit.FaultAsync("m3pp", new { kind = "transient-503", next = 2, method = "POST", path = "/worksheets" });
        var instanceId = await kit.SendCaseAsync("noise-complaint", M3ppKit.SampleCase("noise-complaint"));
        await kit.WaitForAsync(instanceId);

        var log = await kit.LogAsync("101004567890");
        log.Select(e => $"{e["operation"]}:{e["outcome"]}:{e["attempts"]}")
            .ShouldBe(["CreateWorksheet:Retrying:1", "CreateWorksheet:Retrying:2", "CreateWorksheet:Success:3", "PullBackWorksheet:Success:1"]);
        log[0]["httpStatus"]!.GetValue<int>().ShouldBe(503);
        log[0]["errorCategory"]!.GetValue<string>().ShouldBe("transient");
        (await kit.WorksheetsForAsync("101004567890")).Count.ShouldBe(1);

        // Studio's Retries tab: the create's execution record lists the two retried attempts.
        var create = (await kit.Admin.GetJsonAsync($"/elsa/api/activity-executions/list?workflowInstanceId={instanceId}&activityNodeId=Workflow1:flowchart:create"))["items"]!.AsArray().Single()!;
        var retries = await kit.Admin.GetJsonAsync($"/elsa/api/resilience/retries/{create["id"]}");
        retries["totalCount"]!.GetValue<long>().ShouldBe(2);
        retries["items"]!.AsArray().Select(r => r!["attemptNumber"]!.GetValue<int>()).ShouldBe([1, 2]);
        retries["items"]![0]!["details"]!["StatusCode"]!.GetValue<string>().ShouldBe("503");
        retries["items"]![0]!["retryDelay"]!.GetValue<string>().ShouldBe("00:00:00.0200000");
    }

    [Fact]
    public async Task Sixteen_timeouts_give_up_after_exactly_sixteen_attempts_and_fault_the_instance_with_the_reason()
    {
        await using var kit = await M3ppKit.StartAsync(new Dictionary<string, string?> { ["ElsaM3:M3pp:Timeout"] = "00:00:01" });
        await kit.FaultAsync("m3pp", new { kind = "timeout", next = 100, method = "POST", path = "/worksheets" });
        var instanceId = await kit.SendCaseAsync("noise-complaint", M3ppKit.SampleCase("noise-complaint"));
        // Sixteen one-second timeouts take at least 16 s; on two busy cores (a CI run) more than 30.
        var instance = await kit.Admin.WaitForAsync(instanceId, "Faulted", TimeSpan.FromSeconds(120));

        (await kit.InjectedFaultsAsync("m3pp")).ShouldBe(16);
        var log = await kit.LogAsync("101004567890");
        log.Count(e => e["outcome"]!.GetValue<string>() == "Retrying").ShouldBe(15);
        var last = log.Last();
        last["outcome"]!.GetValue<string>().ShouldBe("Failed");
        last["attempts"]!.GetValue<int>().ShouldBe(16);
        last["messages"]![0]!.GetValue<string>().ShouldBe("Failed (transient): gave up after 16 attempts; last error: TIMEOUT: timeout after 1 s");
        instance["workflowState"]!["incidents"]!.AsArray().ShouldHaveSingleItem()!["message"]!.GetValue<string>().ShouldContain("gave up after 16 attempts");
        (await kit.WorksheetsForAsync("101004567890")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_timeout_after_M3_committed_is_retried_with_the_same_idempotency_key_and_leaves_one_worksheet()
    {
        await using var kit = await M3ppKit.StartAsync(new Dictionary<string, string?> { ["ElsaM3:M3pp:Timeout"] = "00:00:00.500" });
        await kit.FaultAsync("m3pp", new { kind = "commit-then-timeout", next = 1, method = "POST", path = "/worksheets" });
        var instanceId = await kit.SendCaseAsync("noise-complaint", M3ppKit.SampleCase("noise-complaint"));
        await kit.WaitForAsync(instanceId);

        (await kit.WorksheetsForAsync("101004567890")).Count.ShouldBe(1);
        (await kit.CaseAsync("101004567890"))["references"]!["m3-worksheet"]!.GetValue<string>().ShouldBe("WK/2025000123");
        var log = await kit.LogAsync("101004567890");
        log[0]["outcome"]!.GetValue<string>().ShouldBe("Retrying");
        log[1]["outcome"]!.GetValue<string>().ShouldBe("Success");
        log[1]["attempts"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task The_same_case_sent_again_with_its_reference_set_reuses_it_and_logs_AlreadyExists()
    {
        await using var kit = await M3ppKit.StartAsync();
        await kit.WaitForAsync(await kit.SendCaseAsync("noise-complaint", M3ppKit.SampleCase("noise-complaint")));
        var again = await kit.CaseAsync("101004567890");
        again["references"]!["m3-worksheet"]!.GetValue<string>().ShouldBe("WK/2025000123");

        await kit.WaitForAsync(await kit.SendCaseAsync("noise-complaint", again));

        (await kit.WorksheetsForAsync("101004567890")).Count.ShouldBe(1);
        var log = await kit.LogAsync("101004567890");
        log.Select(e => $"{e["operation"]}:{e["outcome"]}")
            .ShouldBe(["CreateWorksheet:Success", "PullBackWorksheet:Success", "CreateWorksheet:AlreadyExists", "PullBackWorksheet:Success"]);
        log[2]["externalReference"]!.GetValue<string>().ShouldBe("WK/2025000123");
    }

    [Fact]
    public async Task An_open_worksheet_created_by_another_rule_for_the_case_is_adopted_not_duplicated()
    {
        await using var kit = await M3ppKit.StartAsync();
        await kit.PublishVariantAsync("noise-complaint", "noise-second-rule", _ => { });
        await kit.WaitForAsync(await kit.SendCaseAsync("noise-complaint", M3ppKit.SampleCase("noise-complaint")));

        // The second rule has its own idempotency key, so M3 answers 409 DUPLICATE_WORKSHEET with the existing reference.
        await kit.WaitForAsync(await kit.SendCaseAsync("noise-second-rule", M3ppKit.SampleCase("noise-complaint")));

        (await kit.WorksheetsForAsync("101004567890")).Count.ShouldBe(1);
        var adopted = (await kit.LogAsync("101004567890")).Where(e => e["operation"]!.GetValue<string>() == "CreateWorksheet").Last();
        adopted["outcome"]!.GetValue<string>().ShouldBe("AlreadyExists");
        adopted["httpStatus"]!.GetValue<int>().ShouldBe(409);
        adopted["externalReference"]!.GetValue<string>().ShouldBe("WK/2025000123");
        (await kit.CaseAsync("101004567890"))["references"]!["m3-worksheet"]!.GetValue<string>().ShouldBe("WK/2025000123");
    }

    [Fact]
    public async Task A_malformed_code_is_a_validation_failure_naming_the_mapping()
    {
        await using var kit = await M3ppKit.StartAsync();
        await kit.PublishVariantAsync("noise-complaint", "noise-lowercase", a =>
        {
            if (a["id"]!.GetValue<string>() == "create") a["departmentCode"]!["expression"]!["value"] = "eh";
        });
        await kit.WaitForAsync(await kit.SendCaseAsync("noise-lowercase", M3ppKit.SampleCase("noise-complaint")), "Faulted");

        var entry = (await kit.LogAsync("101004567890")).Single();
        entry["attempts"]!.GetValue<int>().ShouldBe(0);
        entry["messages"]![0]!.GetValue<string>().ShouldBe("Failed (validation): mapping 'Department code': Code 'eh' is not in the form EH, NOISE or WBIN.");
    }

    [Fact]
    public async Task A_template_error_is_a_validation_failure_with_line_and_column()
    {
        await using var kit = await M3ppKit.StartAsync();
        await kit.PublishVariantAsync("noise-complaint", "noise-broken-template", a =>
        {
            if (a["id"]!.GetValue<string>() == "create") a["subjectUprn"]!["expression"]!["value"] = "{{ address.uprn | }}";
        });
        var instanceId = await kit.SendCaseAsync("noise-broken-template", M3ppKit.SampleCase("noise-complaint"));
        await kit.WaitForAsync(instanceId, "Faulted");

        var message = (await kit.LogAsync("101004567890")).Single()["messages"]![0]!.GetValue<string>();
        message.ShouldStartWith("Failed (validation): mapping 'Subject UPRN': template error at line 1, column ");
        (await kit.WorksheetsForAsync("101004567890")).ShouldBeEmpty();
    }
}

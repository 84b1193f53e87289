using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaM3.Server.Tests.M3pp;

namespace ElsaM3.Server.Tests.Simulators;

/// <summary>The M3PP/HUBis simulator's contract (§6), called directly.</summary>
public sealed class M3ppSimulatorTests
{
    private const string Api = "/simulators/m3pp/api/v1";

    private static JsonObject NoiseWorksheet() => JsonNode.Parse("""
        {
          "departmentCode": "EH", "applicationCode": "CEH", "taskGroupCode": "EPENQ", "taskCode": "NOISE",
          "receivedDateTime": "2025-03-14T22:47:00+00:00", "subject": { "uprn": "100091234567" },
          "externalReference": { "fieldName": "EXTREF", "value": "101004567890" }
        }
        """)!.AsObject();

    private static async Task<HttpResponseMessage> CreateAsync(HttpClient client, string path, JsonObject body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Api}/{path}") { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Calls_without_the_API_key_get_401_in_the_error_model()
    {
        await using var kit = await M3ppKit.StartAsync();
        var response = await kit.App.CreateClient().GetAsync($"{Api}/health");
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["category"]!.GetValue<string>().ShouldBe("authentication");
        body["retryable"]!.GetValue<bool>().ShouldBeFalse();
        body["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("INVALID_API_KEY");
        response.Headers.GetValues("X-Correlation-Id").Single().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Health_reports_the_tested_service_version_and_echoes_the_correlation_id()
    {
        await using var kit = await M3ppKit.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Api}/health");
        request.Headers.Add("X-Correlation-Id", "corr-1");
        var response = await kit.Simulator.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["serviceVersion"]!.GetValue<string>().ShouldBe("2.9.3.6");
        response.Headers.GetValues("X-Correlation-Id").Single().ShouldBe("corr-1");
    }

    [Fact]
    public async Task Validation_failures_are_collected_into_one_422()
    {
        await using var kit = await M3ppKit.StartAsync();
        var body = NoiseWorksheet();
        body["departmentCode"] = "eh";
        body["taskCode"] = "NOIS";
        body["receivedDateTime"] = "2099-01-01T00:00:00+00:00";
        body["subject"]!["uprn"] = "999999999999";
        body["receivedMethod"] = "FAX";
        var response = await CreateAsync(kit.Simulator, "worksheets", body);
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var codes = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()).ToArray();
        codes.ShouldBe(["INVALID_FORMAT", "TASK_NOT_IN_TASK_GROUP", "DATE_IN_FUTURE", "UPRN_NOT_FOUND", "INVALID_VALUE"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_repeat_with_the_same_key_replays_the_original_answer_and_a_different_body_is_refused()
    {
        await using var kit = await M3ppKit.StartAsync();
        var first = await CreateAsync(kit.Simulator, "worksheets", NoiseWorksheet(), "101004567890:m3-worksheet:tpl-noise");
        var again = await CreateAsync(kit.Simulator, "worksheets", NoiseWorksheet(), "101004567890:m3-worksheet:tpl-noise");
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.Headers.GetValues("Idempotent-Replay").Single().ShouldBe("true");
        (await again.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());

        var changed = NoiseWorksheet();
        changed["taskCode"] = "ODOUR";
        var reused = await CreateAsync(kit.Simulator, "worksheets", changed, "101004567890:m3-worksheet:tpl-noise");
        reused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await reused.Content.ReadAsStringAsync()).ShouldContain("IDEMPOTENCY_KEY_REUSED");

        var duplicate = await CreateAsync(kit.Simulator, "worksheets", NoiseWorksheet(), "another-key");
        duplicate.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        JsonNode.Parse(await duplicate.Content.ReadAsStringAsync())!["existingReference"]!.GetValue<string>().ShouldBe("WK/2025000123");
        (await kit.WorksheetsForAsync("101004567890")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Assets_need_exactly_one_location_and_valid_attributes()
    {
        await using var kit = await M3ppKit.StartAsync();
        var body = JsonNode.Parse("""
            { "assetType": "LBIN", "sectionCode": "WASTE", "location": { "uprn": "100091234571", "siteKey": "ST00004512" },
              "attributes": [ { "code": "CAPACITY", "value": "2000" }, { "code": "COLOUR", "value": "RED" } ] }
            """)!.AsObject();
        var response = await CreateAsync(kit.Simulator, "assets", body);
        var codes = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()).ToArray();
        codes.ShouldBe(["SECTION_NOT_ALLOWED_FOR_ASSET_TYPE", "LOCATION_AMBIGUOUS", "INVALID_ATTRIBUTE_VALUE", "UNKNOWN_ATTRIBUTE", "MISSING_REQUIRED_ATTRIBUTE"], ignoreOrder: true);
    }

    [Fact]
    public async Task Lookups_carry_an_ETag_and_answer_304_when_unchanged()
    {
        await using var kit = await M3ppKit.StartAsync();
        var first = await kit.Simulator.GetAsync($"{Api}/lookups/task-groups/EPENQ/tasks");
        var tasks = JsonNode.Parse(await first.Content.ReadAsStringAsync())!["items"]!.AsArray();
        tasks.Select(t => t!["code"]!.GetValue<string>()).ShouldBe(["NOISE", "NOISEC", "ODOUR", "BONFIRE"]);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Api}/lookups/task-groups/EPENQ/tasks");
        request.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag!.Tag);
        (await kit.Simulator.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Theory]
    [InlineData("transient-503", HttpStatusCode.ServiceUnavailable)]
    [InlineData("transient-429", HttpStatusCode.TooManyRequests)]
    public async Task An_armed_fault_fails_the_next_calls_then_clears(string kind, HttpStatusCode status)
    {
        await using var kit = await M3ppKit.StartAsync();
        await kit.FaultAsync("m3pp", new { kind, next = 2 });
        var first = await kit.Simulator.GetAsync($"{Api}/health");
        first.StatusCode.ShouldBe(status);
        JsonNode.Parse(await first.Content.ReadAsStringAsync())!["retryable"]!.GetValue<bool>().ShouldBeTrue();
        if (status == HttpStatusCode.TooManyRequests) first.Headers.RetryAfter.ShouldNotBeNull();
        (await kit.Simulator.GetAsync($"{Api}/health")).StatusCode.ShouldBe(status);
        (await kit.Simulator.GetAsync($"{Api}/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_fault_request_must_name_a_known_kind_and_one_of_next_or_rate()
    {
        await using var kit = await M3ppKit.StartAsync();
        var unknown = await kit.Simulator.PostAsJsonAsync("/simulators/m3pp/_control/faults", new { kind = "gremlins", next = 1 });
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("kind must be one of transient-503, transient-429, timeout, transient-timeout, internal-500, reset, commit-then-timeout");
        var both = await kit.Simulator.PostAsJsonAsync("/simulators/m3pp/_control/faults", new { kind = "reset", next = 1, rate = 0.5 });
        both.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        await kit.FaultAsync("m3pp", new { kind = "transient-503", rate = 1.0 });
        (await kit.Simulator.GetAsync($"{Api}/health")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await kit.Simulator.DeleteAsync("/simulators/m3pp/_control/faults")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await kit.Simulator.GetAsync($"{Api}/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_X_Sim_Fault_header_fails_the_first_N_calls_of_an_idempotency_key()
    {
        await using var kit = await M3ppKit.StartAsync();
        async Task<HttpStatusCode> CreateWithHeaderAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{Api}/worksheets") { Content = JsonContent.Create(NoiseWorksheet()) };
            request.Headers.Add("Idempotency-Key", "header-fault-key");
            request.Headers.Add("X-Sim-Fault", "internal-500");
            request.Headers.Add("X-Sim-Fault-Count", "2");
            return (await kit.Simulator.SendAsync(request)).StatusCode;
        }
        (await CreateWithHeaderAsync()).ShouldBe(HttpStatusCode.InternalServerError);
        (await CreateWithHeaderAsync()).ShouldBe(HttpStatusCode.InternalServerError);
        (await CreateWithHeaderAsync()).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_reset_fault_drops_the_connection()
    {
        await using var kit = await M3ppKit.StartAsync();
        await kit.FaultAsync("m3pp", new { kind = "reset", next = 1 });
        await Should.ThrowAsync<Exception>(() => kit.Simulator.GetAsync($"{Api}/health"));
        (await kit.Simulator.GetAsync($"{Api}/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Records_survive_a_restart_on_the_same_data_folder()
    {
        var data = Path.Combine(Path.GetTempPath(), "elsam3-tests", Guid.NewGuid().ToString("N"));
        await using (var kit = await M3ppKit.StartAsync(dataDirectory: data))
        {
            (await CreateAsync(kit.Simulator, "worksheets", NoiseWorksheet(), "k1")).StatusCode.ShouldBe(HttpStatusCode.Created);
            (await kit.Simulator.PatchAsJsonAsync("/simulators/cxm/api/v1/cases/101004567890", new { fields = new { note = "kept" } })).EnsureSuccessStatusCode();
        }
        await using (var kit = await M3ppKit.StartAsync(dataDirectory: data))
        {
            (await kit.WorksheetsForAsync("101004567890")).Single()!["reference"]!.GetValue<string>().ShouldBe("WK/2025000123");
            (await kit.CaseAsync("101004567890"))["fields"]!["note"]!.GetValue<string>().ShouldBe("kept");
            var replay = await CreateAsync(kit.Simulator, "worksheets", NoiseWorksheet(), "k1");
            replay.StatusCode.ShouldBe(HttpStatusCode.Created);
            replay.Headers.GetValues("Idempotent-Replay").Single().ShouldBe("true");
            var next = NoiseWorksheet();
            next["externalReference"]!["value"] = "101004567999";
            var created = JsonNode.Parse(await (await CreateAsync(kit.Simulator, "worksheets", next)).Content.ReadAsStringAsync())!;
            created["reference"]!.GetValue<string>().ShouldBe("WK/2025000124");
        }
    }
}

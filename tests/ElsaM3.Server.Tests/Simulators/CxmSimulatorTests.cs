using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaM3.Server.Tests.M3pp;

namespace ElsaM3.Server.Tests.Simulators;

/// <summary>The CXM simulator's case API (<c>cxm-case-api.md</c> §3).</summary>
public sealed class CxmSimulatorTests
{
    [Fact]
    public async Task It_starts_with_the_worked_example_cases()
    {
        await using var kit = await M3ppKit.StartAsync();
        (await kit.CaseAsync("101004567890"))["person"]!["surname"]!.GetValue<string>().ShouldBe("Shah");
        (await kit.CaseAsync("101004567901"))["fields"]!["site-key"]!.GetValue<string>().ShouldBe("ST00004512");
    }

    [Fact]
    public async Task A_patch_sets_fields_and_references_and_keeps_the_rest()
    {
        await using var kit = await M3ppKit.StartAsync();
        var response = await kit.Simulator.PatchAsJsonAsync("/simulators/cxm/api/v1/cases/101004567890",
            new { fields = new Dictionary<string, object?> { ["m3-officer"] = "Jo Smith" }, references = new Dictionary<string, object?> { ["m3-worksheet"] = "WK/2025000123" } });
        response.EnsureSuccessStatusCode();
        var @case = await kit.CaseAsync("101004567890");
        @case["fields"]!["m3-officer"]!.GetValue<string>().ShouldBe("Jo Smith");
        @case["fields"]!["ongoing"]!.GetValue<bool>().ShouldBeTrue();
        @case["references"]!["m3-worksheet"]!.GetValue<string>().ShouldBe("WK/2025000123");
    }

    [Fact]
    public async Task A_bad_patch_is_a_422_that_changes_nothing_and_an_unknown_case_is_404()
    {
        await using var kit = await M3ppKit.StartAsync();
        var bad = await kit.Simulator.PatchAsJsonAsync("/simulators/cxm/api/v1/cases/101004567890",
            new { fields = new Dictionary<string, object?> { ["ok-field"] = "x", ["bad field!"] = "y" } });
        bad.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var error = JsonNode.Parse(await bad.Content.ReadAsStringAsync())!;
        error["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("UNKNOWN_FIELD");
        error["errors"]![0]!["field"]!.GetValue<string>().ShouldBe("fields.bad field!");
        (await kit.CaseAsync("101004567890"))["fields"]!["ok-field"].ShouldBeNull();

        var missing = await kit.Simulator.PatchAsJsonAsync("/simulators/cxm/api/v1/cases/NOPE-1", new { fields = new { a = "b" } });
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("CASE_NOT_FOUND");
    }

    [Fact]
    public async Task A_patch_sets_the_status_and_appends_notes_with_their_id_and_time()
    {
        await using var kit = await M3ppKit.StartAsync();
        var first = await kit.Simulator.PatchAsJsonAsync("/simulators/cxm/api/v1/cases/101004567890",
            new { status = "closed", notes = new[] { new { text = "Closed in M3: abated. Officer Jo Smith.", visibility = "internal" } } });
        first.EnsureSuccessStatusCode();
        var second = await kit.Simulator.PatchAsJsonAsync("/simulators/cxm/api/v1/cases/101004567890",
            new { notes = new[] { new { text = "Thank you, the noise has stopped.", visibility = "customer" } } });
        second.EnsureSuccessStatusCode();

        var @case = await kit.CaseAsync("101004567890");
        @case["status"]!.GetValue<string>().ShouldBe("closed");
        var notes = @case["notes"]!.AsArray();
        notes.Select(n => (n!["id"]!.GetValue<string>(), n["visibility"]!.GetValue<string>())).ShouldBe([("n1", "internal"), ("n2", "customer")]);
        notes[0]!["text"]!.GetValue<string>().ShouldBe("Closed in M3: abated. Officer Jo Smith.");
        notes[0]!["createdAt"].ShouldNotBeNull();
    }

    [Theory]
    [InlineData("""{"status":"done"}""", "INVALID_STATUS", "status")]
    [InlineData("""{"notes":{"text":"x"}}""", "INVALID_VALUE", "notes")]
    [InlineData("""{"notes":[{"text":"","visibility":"internal"}]}""", "INVALID_VALUE", "notes[0].text")]
    [InlineData("""{"notes":[{"text":"x","visibility":"public"}]}""", "INVALID_VALUE", "notes[0].visibility")]
    public async Task A_bad_status_or_note_is_a_422_naming_it_and_changes_nothing(string body, string code, string field)
    {
        await using var kit = await M3ppKit.StartAsync();

        var response = await kit.Simulator.PatchAsync("/simulators/cxm/api/v1/cases/101004567890",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!;
        error["code"]!.GetValue<string>().ShouldBe(code);
        error["field"]!.GetValue<string>().ShouldBe(field);
        var @case = await kit.CaseAsync("101004567890");
        @case["status"]?.GetValue<string>().ShouldNotBe("done");
        @case["notes"].ShouldBeNull();
    }
}

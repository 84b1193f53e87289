using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaM3.Server.Tests.M3pp;
using ElsaM3.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaM3.Server.Tests.Simulators;

/// <summary>The M3 simulator's change feed and officer controls (§6.10), called directly.</summary>
public sealed class M3ppChangeFeedTests
{
    private const string Root = "/simulators/m3pp";
    private const string Api = Root + "/api/v1";

    private static async Task<JsonObject> ChangesAsync(HttpClient client, string? after = null, int? limit = null)
    {
        var query = string.Join("&", new[] { after is null ? null : $"after={after}", limit is null ? null : $"limit={limit}" }.Where(q => q is not null));
        return await client.GetJsonAsync($"{Api}/changes{(query.Length > 0 ? "?" + query : "")}");
    }

    private static Task<HttpResponseMessage> OfficerAsync(HttpClient client, string reference, object change) =>
        client.PostAsJsonAsync($"{Root}/_control/worksheets/change?reference={Uri.EscapeDataString(reference)}", change);

    [Fact]
    public async Task The_seed_has_worksheets_officers_have_worked()
    {
        await using var kit = await M3ppKit.StartAsync();
        var worksheets = (await kit.Simulator.GetJsonAsync($"{Api}/worksheets"))["items"]!.AsArray();
        worksheets.Select(w => w!["status"]!.GetValue<string>()).ShouldBe(["ALLOCATED", "IN_PROGRESS", "CLOSED"], ignoreOrder: true);
        worksheets.Single(w => w!["status"]!.GetValue<string>() == "CLOSED")!["closureReason"]!.GetValue<string>().ShouldBe("ABATED");
    }

    [Fact]
    public async Task Allocating_then_closing_a_worksheet_enters_the_feed_in_order_with_the_fields_that_changed()
    {
        await using var kit = await M3ppKit.StartAsync();
        var start = (await ChangesAsync(kit.Simulator))["next"]!.GetValue<string>();

        (await OfficerAsync(kit.Simulator, "WK/2024000011", new { status = "IN_PROGRESS", action = new { code = "VISIT", description = "Visited" } })).EnsureSuccessStatusCode();
        (await OfficerAsync(kit.Simulator, "WK/2024000011", new { status = "CLOSED", closureReason = "ABATED", closureNote = "Quiet now." })).EnsureSuccessStatusCode();

        var page = await ChangesAsync(kit.Simulator, start);
        var items = page["items"]!.AsArray();
        items.Count.ShouldBe(2);
        items.Select(i => i!["cursor"]!.GetValue<string>()).ShouldBeInOrder();
        page["next"]!.GetValue<string>().ShouldBe(items[1]!["cursor"]!.GetValue<string>());
        items[0]!["fields"]!["status"]!["to"]!.GetValue<string>().ShouldBe("IN_PROGRESS");
        items[0]!["fields"]!["actions"]!["to"]!.GetValue<int>().ShouldBe(1);
        var closed = items[1]!;
        closed["kind"]!.GetValue<string>().ShouldBe("worksheet");
        closed["reference"]!.GetValue<string>().ShouldBe("WK/2024000011");
        closed["change"]!.GetValue<string>().ShouldBe("updated");
        closed["fields"]!["status"]!["from"]!.GetValue<string>().ShouldBe("IN_PROGRESS");
        closed["fields"]!["closureReason"]!["to"]!.GetValue<string>().ShouldBe("ABATED");
        closed["current"]!["closureNote"]!.GetValue<string>().ShouldBe("Quiet now.");
        closed["current"]!["closedDateTime"].ShouldNotBeNull();
        (await ChangesAsync(kit.Simulator, items[0]!["cursor"]!.GetValue<string>(), limit: 1))["items"]!.AsArray().Single()!["cursor"]!
            .GetValue<string>().ShouldBe(closed["cursor"]!.GetValue<string>());
    }

    [Fact]
    public async Task Creates_deletions_and_asset_changes_enter_the_feed_too_and_it_survives_a_restart()
    {
        var data = Path.Combine(Path.GetTempPath(), "elsam3-tests", Guid.NewGuid().ToString("N"));
        string start;
        await using (var kit = await M3ppKit.StartAsync(dataDirectory: data))
        {
            start = (await ChangesAsync(kit.Simulator))["next"]!.GetValue<string>();
            (await kit.Simulator.PostAsync($"{Root}/_control/worksheets/delete?reference=WK/2024000013", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            (await kit.Simulator.PostAsJsonAsync($"{Root}/_control/assets/AS00012345/change", new { attributes = new[] { new { code = "BINCOL", value = "GREEN" } } }))
                .EnsureSuccessStatusCode();
        }
        await using (var kit = await M3ppKit.StartAsync(dataDirectory: data))
        {
            var items = (await ChangesAsync(kit.Simulator, start))["items"]!.AsArray();
            items.Select(i => (i!["kind"]!.GetValue<string>(), i["reference"]!.GetValue<string>(), i["change"]!.GetValue<string>()))
                .ShouldBe([("worksheet", "WK/2024000013", "deleted"), ("asset", "AS00012345", "updated")]);
            items[0]!["current"].ShouldBeNull();
            items[1]!["fields"]!["BINCOL"]!["from"]!.GetValue<string>().ShouldBe("BLACK");
            (await kit.Simulator.GetJsonAsync($"{Api}/worksheets?reference=WK/2024000013"))["items"]!.AsArray().ShouldBeEmpty();
            M3ppKit.Attribute(await kit.AssetAsync("AS00012345"), "BINCOL").ShouldBe("GREEN");
        }
    }

    [Fact]
    public async Task An_expired_cursor_is_410_and_a_disabled_feed_is_404()
    {
        await using var kit = await M3ppKit.StartAsync();
        var old = (await ChangesAsync(kit.Simulator))["next"]!.GetValue<string>();
        (await OfficerAsync(kit.Simulator, "WK/2024000012", new { targetDate = "2024-12-01" })).EnsureSuccessStatusCode();

        (await kit.Simulator.PostAsJsonAsync($"{Root}/_control/feed", new { expireAll = true })).EnsureSuccessStatusCode();
        var expired = await kit.Simulator.GetAsync($"{Api}/changes?after={old}");
        expired.StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await expired.Content.ReadAsStringAsync()).ShouldContain("CURSOR_EXPIRED");

        (await kit.Simulator.PostAsJsonAsync($"{Root}/_control/feed", new { enabled = false })).EnsureSuccessStatusCode();
        (await kit.Simulator.GetAsync($"{Api}/changes")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"status":"DONE"}""", "status")]
    [InlineData("""{"officer":"NOBODY"}""", "officer")]
    [InlineData("""{"targetDate":"next week"}""", "targetDate")]
    [InlineData("""{"closureReason":"BORED"}""", "closureReason")]
    [InlineData("""{"action":{"description":"no code"}}""", "action.code")]
    public async Task A_bad_officer_change_is_a_422_naming_the_field_and_enters_nothing(string body, string field)
    {
        await using var kit = await M3ppKit.StartAsync();
        var start = (await ChangesAsync(kit.Simulator))["next"]!.GetValue<string>();

        var response = await kit.Simulator.PostAsync($"{Root}/_control/worksheets/change?reference=WK/2024000011",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!["field"]!.GetValue<string>().ShouldBe(field);
        (await ChangesAsync(kit.Simulator, start))["items"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task The_controls_need_the_simulators_key_and_a_bad_cursor_is_named()
    {
        await using var kit = await M3ppKit.StartAsync();
        (await kit.App.CreateClient().PostAsJsonAsync($"{Root}/_control/worksheets/change?reference=WK/2024000011", new { status = "CLOSED" }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var bad = await kit.Simulator.GetAsync($"{Api}/changes?after=abc");
        bad.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("after");
    }

    [Fact]
    public async Task The_gateway_reads_the_simulators_feed_and_tells_an_expired_cursor()
    {
        await using var kit = await M3ppKit.StartAsync();
        var gateway = kit.App.Services.GetRequiredService<ElsaM3.M3pp.Gateways.IM3ppGateway>();
        var start = (await gateway.ReadChangesAsync(null, 500, default)).Value!.Next;
        ElsaM3.M3pp.Identifiers.ChangeCursor.TryParse(start, out var cursor).ShouldBeTrue();
        (await OfficerAsync(kit.Simulator, "WK/2024000012", new { officer = "RLEE" })).EnsureSuccessStatusCode();

        var page = await gateway.ReadChangesAsync(cursor, 10, default);

        var change = page.Value!.Items.ShouldHaveSingleItem();
        change.Fields!["officer"].To!.GetValue<string>().ShouldBe("RLEE");
        (await kit.Simulator.PostAsJsonAsync($"{Root}/_control/feed", new { expireAll = true })).EnsureSuccessStatusCode();
        (await gateway.ReadChangesAsync(cursor, 10, default)).Error!.IsCursorExpired.ShouldBeTrue();
    }
}

using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaM3.Server.Tests.Support;

namespace ElsaM3.Server.Tests.M3pp;

/// <summary>Watch Asset with a JavaScript condition, a timeout, and Update Case's own checks of what it would write.</summary>
public sealed class WatchAssetTests
{
    [Fact]
    public async Task An_attribute_change_meeting_a_JavaScript_condition_reaches_the_case_and_one_that_does_not_is_logged_Skipped()
    {
        await using var kit = await TwoWayKit.StartAsync();
        await PublishAsync(kit, "watch-bin", """
            { "id": "watch", "type": "ElsaM3.M3pp.WatchAsset", "version": 1,
              "reference": { "typeName": "String", "expression": { "type": "Literal", "value": "m3-asset" } },
              "condition": { "typeName": "String", "expression": { "type": "JavaScript", "value": "asset.attributes.some(a => a.code === 'BINCOL' && a.value === 'GREEN') && change.change === 'updated'" } } }
            """, "Changed", """
            { "id": "write", "type": "ElsaM3.M3pp.UpdateCase", "version": 1,
              "fields": { "typeName": "StringMap", "expression": { "type": "Object", "value": "{\"bin-colour\": \"{{ for a in asset.attributes }}{{ if a.code == 'BINCOL' }}{{ a.value }}{{ end }}{{ end }}\"}" } },
              "note": { "typeName": "String", "expression": { "type": "Scriban", "value": "Bin {{ change.reference }} changed in M3: {{ change.fields | object.keys | array.join ', ' }}." } } }
            """);
        var instanceId = await kit.SendCaseAsync("watch-bin", CaseWithAsset("101004567940", "AS00012345"));
        await kit.WaitForWatchAsync(instanceId);

        await ChangeAssetAsync(kit, "AS00012345", "BINCOL", "BROWN");
        await kit.WaitForLogAsync("101004567940", log => log.Any(e => e["outcome"]!.GetValue<string>() == "Skipped"));
        await ChangeAssetAsync(kit, "AS00012345", "BINCOL", "GREEN");

        await kit.WaitForAsync(instanceId);
        var @case = await kit.CaseAsync("101004567940");
        @case["fields"]!["bin-colour"]!.GetValue<string>().ShouldBe("GREEN");
        TwoWayKit.Notes(@case).ShouldBe(["internal: Bin AS00012345 changed in M3: BINCOL."]);
        var inbound = (await kit.LogAsync("101004567940")).Where(e => e["direction"]!.GetValue<string>() == "In").ToArray();
        inbound.Select(e => $"{e["operation"]}:{e["outcome"]}:{e["externalReference"]}").ShouldBe(["AssetChanged:Skipped:AS00012345", "AssetChanged:Success:AS00012345"]);
        inbound[0]["messages"]![1]!.GetValue<string>().ShouldBe("condition not met: still watching");
    }

    [Fact]
    public async Task A_watch_with_a_timeout_ends_TimedOut_when_nothing_changes()
    {
        await using var kit = await TwoWayKit.StartAsync();
        await PublishAsync(kit, "watch-timeout", """
            { "id": "watch", "type": "ElsaM3.M3pp.WatchAsset", "version": 1,
              "reference": { "typeName": "String", "expression": { "type": "Literal", "value": "m3-asset" } },
              "timeout": { "typeName": "TimeSpan", "expression": { "type": "Literal", "value": "00:00:01" } } }
            """, "TimedOut", """
            { "id": "write", "type": "ElsaM3.M3pp.UpdateCase", "version": 1,
              "note": { "typeName": "String", "expression": { "type": "Literal", "value": "No change in M3 in time." } } }
            """);
        var instanceId = await kit.SendCaseAsync("watch-timeout", CaseWithAsset("101004567941", "AS00012347"));

        await kit.WaitForAsync(instanceId);
        TwoWayKit.Notes(await kit.CaseAsync("101004567941")).ShouldBe(["internal: No change in M3 in time."]);
    }

    [Theory]
    [InlineData("\"noteVisibility\": { \"typeName\": \"String\", \"expression\": { \"type\": \"Literal\", \"value\": \"everyone\" } }", "'Note visibility' must be internal or customer, not 'everyone'.")]
    [InlineData("\"noteVisibility\": { \"typeName\": \"String\", \"expression\": { \"type\": \"Literal\", \"value\": \"internal\" } }", "nothing to update: map a case field, a status or a note.")]
    public async Task Update_Case_checks_what_it_would_write_before_calling_CXM(string inputs, string reason)
    {
        await using var kit = await TwoWayKit.StartAsync();
        var note = reason.StartsWith("nothing", StringComparison.Ordinal) ? "" : "A note.";
        await PublishAsync(kit, "watch-bad-update", """
            { "id": "watch", "type": "ElsaM3.M3pp.WatchAsset", "version": 1,
              "reference": { "typeName": "String", "expression": { "type": "Literal", "value": "m3-asset" } },
              "timeout": { "typeName": "TimeSpan", "expression": { "type": "Literal", "value": "00:00:01" } } }
            """, "TimedOut", $$"""
            { "id": "write", "type": "ElsaM3.M3pp.UpdateCase", "version": 1, {{inputs}},
              "note": { "typeName": "String", "expression": { "type": "Literal", "value": "{{note}}" } } }
            """);
        var instanceId = await kit.SendCaseAsync("watch-bad-update", CaseWithAsset("101004567942", "AS00012347"));

        await kit.WaitForAsync(instanceId, "Faulted");
        var invalid = (await kit.LogAsync("101004567942")).Single(e => e["operation"]!.GetValue<string>() == "UpdateCase");
        invalid["outcome"]!.GetValue<string>().ShouldBe("Invalid");
        invalid["attempts"]!.GetValue<int>().ShouldBe(0);
        invalid["messages"]![0]!.GetValue<string>().ShouldBe("Failed (validation): " + reason);
        TwoWayKit.Notes(await kit.CaseAsync("101004567942")).ShouldBeEmpty();
    }

    private static JsonObject CaseWithAsset(string reference, string assetKey)
    {
        var @case = TwoWayKit.Case(reference);
        @case["references"] = new JsonObject { ["m3-asset"] = assetKey };
        return @case;
    }

    private static async Task ChangeAssetAsync(M3ppKit kit, string key, string code, string value) =>
        (await kit.Simulator.PostAsJsonAsync($"/simulators/m3pp/_control/assets/{key}/change", new { attributes = new[] { new { code, value } } })).EnsureSuccessStatusCode();

    /// <summary>Publishes <c>cases/{id}</c>: CXM Case Received, then the watch, then the update on the watch's <paramref name="port"/>.</summary>
    private static Task PublishAsync(M3ppKit kit, string id, string watch, string port, string update) => kit.Admin.PublishAsync($$"""
        { "id": "{{id}}-v1", "definitionId": "{{id}}", "name": "{{id}}", "version": 1, "isLatest": true, "isPublished": true,
          "root": { "id": "flowchart", "type": "Elsa.Flowchart", "version": 1,
            "activities": [
              { "id": "endpoint", "type": "ElsaM3.Cxm.CaseReceived", "version": 1,
                "path": { "typeName": "String", "expression": { "type": "Literal", "value": "cases/{{id}}" } },
                "policy": { "typeName": "String", "expression": { "type": "Literal", "value": "cxm" } },
                "customProperties": { "canStartWorkflow": true } },
              {{watch}},
              {{update}} ],
            "connections": [
              { "source": { "activity": "endpoint", "port": "Done" }, "target": { "activity": "watch", "port": "In" } },
              { "source": { "activity": "watch", "port": "{{port}}" }, "target": { "activity": "write", "port": "In" } } ] } }
        """);
}

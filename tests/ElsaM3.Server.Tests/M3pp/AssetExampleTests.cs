using System.Text.Json.Nodes;

namespace ElsaM3.Server.Tests.M3pp;

/// <summary>HUBis contract §7.2 (litter bin → asset) and §7.3 (attribute updates), end to end through the HTTP trigger.</summary>
public sealed class AssetExampleTests
{
    [Fact]
    public async Task A_litter_bin_case_creates_the_asset_stores_its_key_and_pulls_back_the_location()
    {
        await using var kit = await M3ppKit.StartAsync();
        await kit.WaitForAsync(await kit.SendCaseAsync("litter-bin", M3ppKit.SampleCase("litter-bin")));

        var asset = await kit.AssetAsync("AS00012346");
        asset["assetType"]!.GetValue<string>().ShouldBe("LBIN");
        asset["sectionCode"]!.GetValue<string>().ShouldBe("STCLEAN");
        asset["location"]!["siteKey"]!.GetValue<string>().ShouldBe("ST00004512");
        asset["startDate"]!.GetValue<string>().ShouldBe("2025-04-02");
        asset["externalReference"]!.GetValue<string>().ShouldBe("101004567901");
        M3ppKit.Attribute(asset, "CAPACITY").ShouldBe("120");
        M3ppKit.Attribute(asset, "MOUNT").ShouldBe("POST");
        M3ppKit.Attribute(asset, "EMPTYFREQ").ShouldBe("DAILY");

        var @case = await kit.CaseAsync("101004567901");
        @case["references"]!["m3-asset"]!.GetValue<string>().ShouldBe("AS00012346");
        @case["fields"]!["m3-asset-location"]!.GetValue<string>().ShouldBe("High Street (north side), Anytown");
        var log = await kit.LogAsync("101004567901");
        log.Select(e => $"{e["operation"]}:{e["outcome"]}:{e["externalReference"]}").ShouldBe(["CreateAsset:Success:AS00012346", "PullBackAsset:Success:AS00012346"]);
    }

    [Theory]
    [InlineData("bin-mount", "HANGING", "Attribute MOUNT 'HANGING' is not allowed (allowed: POST, WALL, FREE).")]
    [InlineData("site-key", "ST99999999", "Site 'ST99999999' does not exist.")]
    public async Task A_value_M3_refuses_fails_the_asset_create_without_retry(string field, string value, string message)
    {
        await using var kit = await M3ppKit.StartAsync();
        var @case = M3ppKit.SampleCase("litter-bin");
        @case["fields"]![field] = value;
        await kit.WaitForAsync(await kit.SendCaseAsync("litter-bin", @case), "Faulted");

        var entry = (await kit.LogAsync("101004567901")).Single();
        entry["outcome"]!.GetValue<string>().ShouldBe("Invalid");
        entry["attempts"]!.GetValue<int>().ShouldBe(1);
        entry["httpStatus"]!.GetValue<int>().ShouldBe(422);
        entry["messages"]![0]!.GetValue<string>().ShouldBe($"Failed (validation): {message}");
        (await kit.Simulator.GetAsync("/simulators/m3pp/api/v1/assets/AS00012346")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        (await kit.CaseAsync("101004567901"))["references"]!["m3-asset"].ShouldBeNull();
    }

    [Fact]
    public async Task Mapping_both_a_UPRN_and_a_site_key_is_refused_before_any_call()
    {
        await using var kit = await M3ppKit.StartAsync();
        await kit.PublishVariantAsync("litter-bin", "litter-bin-two-locations", a =>
        {
            if (a["id"]!.GetValue<string>() == "create")
                a["uprn"] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Scriban", ["value"] = "{{ address.uprn }}" } };
        });
        await kit.WaitForAsync(await kit.SendCaseAsync("litter-bin-two-locations", M3ppKit.SampleCase("litter-bin")), "Faulted");

        var entry = (await kit.LogAsync("101004567901")).Single();
        entry["outcome"]!.GetValue<string>().ShouldBe("Invalid");
        entry["attempts"]!.GetValue<int>().ShouldBe(0);
        entry["messages"]![0]!.GetValue<string>().ShouldBe("Failed (validation): exactly one of 'UPRN', 'Asset UKey' or 'Site Key' may have a value, but UPRN and Site Key do.");
    }

    [Fact]
    public async Task An_assisted_collection_updates_every_wheeled_bin_at_the_property()
    {
        await using var kit = await M3ppKit.StartAsync();
        await kit.WaitForAsync(await kit.SendCaseAsync("assisted-collection", M3ppKit.SampleCase("assisted-collection")));

        foreach (var key in new[] { "AS00012345", "AS00012347" })
        {
            var asset = await kit.AssetAsync(key);
            M3ppKit.Attribute(asset, "ASSIST").ShouldBe("Y");
            M3ppKit.Attribute(asset, "COLLPT").ShouldBe("Side gate, left of driveway");
        }
        var entry = (await kit.LogAsync("101004567955")).Single();
        entry["operation"]!.GetValue<string>().ShouldBe("UpdateAssetAttributes");
        entry["outcome"]!.GetValue<string>().ShouldBe("Success");
        entry["externalReference"]!.GetValue<string>().ShouldBe("AS00012345,AS00012347 (2 assets)");
    }

    [Fact]
    public async Task A_property_without_wheeled_bins_is_a_validation_failure_NO_MATCHING_ASSETS()
    {
        await using var kit = await M3ppKit.StartAsync();
        var @case = M3ppKit.SampleCase("assisted-collection");
        @case["address"]!["uprn"] = "100091234571";
        await kit.WaitForAsync(await kit.SendCaseAsync("assisted-collection", @case), "Faulted");

        var entry = (await kit.LogAsync("101004567955")).Single();
        entry["outcome"]!.GetValue<string>().ShouldBe("Invalid");
        entry["messages"]![0]!.GetValue<string>().ShouldBe("Failed (validation): There are no WBIN assets at UPRN 100091234571.");
    }

    [Fact]
    public async Task A_comma_separated_key_list_is_normalised_and_updates_those_assets()
    {
        await using var kit = await M3ppKit.StartAsync();
        await kit.WaitForAsync(await kit.SendCaseAsync("bin-attributes", M3ppKit.SampleCase("bin-attributes")));

        M3ppKit.Attribute(await kit.AssetAsync("AS00012345"), "ASSIST").ShouldBe("Y");
        M3ppKit.Attribute(await kit.AssetAsync("AS00012347"), "ASSIST").ShouldBe("Y");
        (await kit.LogAsync("101004567956")).Single()["externalReference"]!.GetValue<string>().ShouldBe("AS00012345,AS00012347 (2 assets)");
    }

    [Fact]
    public async Task An_unknown_key_in_the_list_updates_nothing_and_names_the_missing_asset()
    {
        await using var kit = await M3ppKit.StartAsync();
        var @case = M3ppKit.SampleCase("bin-attributes");
        @case["fields"]!["bin-keys"] = "AS00012345, AS00099999, AS00012345";
        await kit.WaitForAsync(await kit.SendCaseAsync("bin-attributes", @case), "Faulted");

        var entry = (await kit.LogAsync("101004567956")).Single();
        entry["outcome"]!.GetValue<string>().ShouldBe("Invalid");
        entry["messages"]![0]!.GetValue<string>().ShouldBe("Failed (validation): Assets not found: AS00099999.");
        M3ppKit.Attribute(await kit.AssetAsync("AS00012345"), "ASSIST").ShouldBeNull();
    }
}

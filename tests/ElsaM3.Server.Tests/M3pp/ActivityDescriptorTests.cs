using ElsaM3.Server.Tests.Support;

namespace ElsaM3.Server.Tests.M3pp;

/// <summary>The M3 activities as Studio's toolbox sees them.</summary>
public sealed class ActivityDescriptorTests
{
    [Fact]
    public async Task The_integration_activities_sit_in_the_M3PP_Assure_category_with_descriptions_inputs_and_their_ports()
    {
        await using var kit = await M3ppKit.StartAsync();
        var descriptors = (await kit.Admin.GetJsonAsync("/elsa/api/descriptors/activities"))["items"]!.AsArray()
            .Select(d => d!.AsObject()).Where(d => d["category"]!.GetValue<string>() == "M3PP Assure").ToList();
        // The case trigger sits in the same category, next to the six; so do the two watches.
        descriptors.RemoveAll(d => d["typeName"]!.GetValue<string>() == "ElsaM3.Cxm.CaseReceived").ShouldBe(1);
        var watches = descriptors.Where(d => d["typeName"]!.GetValue<string>().StartsWith("ElsaM3.M3pp.Watch", StringComparison.Ordinal)).ToList();
        watches.Select(d => d["displayName"]!.GetValue<string>()).ShouldBe(["Watch Worksheet", "Watch Asset"], ignoreOrder: true);
        foreach (var watch in watches)
        {
            watch["ports"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ShouldBe(["Changed", "Deleted", "TimedOut", "Invalid"]);
            watch["inputs"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ShouldBe(["Reference", "Condition", "Timeout"]);
            watch["description"]!.GetValue<string>().ShouldContain("condition holds");
            descriptors.Remove(watch);
        }

        descriptors.Select(d => d["typeName"]!.GetValue<string>()).ShouldBe(
        [
            "ElsaM3.M3pp.CreateWorksheet", "ElsaM3.M3pp.CreateAsset", "ElsaM3.M3pp.UpdateAttributeByProperty",
            "ElsaM3.M3pp.UpdateAttributeByKeys", "ElsaM3.M3pp.PullBackWorksheet", "ElsaM3.M3pp.PullBackAsset", "ElsaM3.M3pp.UpdateCase",
        ], ignoreOrder: true);
        foreach (var descriptor in descriptors)
        {
            descriptor["description"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
            descriptor["inputs"]!.AsArray().ShouldAllBe(i => !string.IsNullOrWhiteSpace(i!["description"]!.GetValue<string>()));
            descriptor["ports"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ShouldBe(["Done", "Invalid", "Failed"]);
            descriptor["customProperties"]!["Resilient"]!.GetValue<bool>().ShouldBeTrue();
            descriptor["customProperties"]!["ResilienceCategory"]!.GetValue<string>().ShouldBe("M3PP");
        }
        var create = descriptors.Single(d => d["typeName"]!.GetValue<string>() == "ElsaM3.M3pp.CreateWorksheet");
        var uprn = create["inputs"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == "SubjectUprn")!;
        uprn["displayName"]!.GetValue<string>().ShouldBe("Subject UPRN");
        uprn["typeName"]!.GetValue<string>().ShouldBe("String");
        uprn["uiHint"]!.GetValue<string>().ShouldBe("singleline");
        uprn["defaultSyntax"]!.GetValue<string>().ShouldBe("Scriban");
        create["inputs"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == "AdditionalFields")!["uiHint"]!.GetValue<string>().ShouldBe("json-editor");
        // Update Case maps case fields with the same editor as the pull-backs.
        var updateCase = descriptors.Single(d => d["typeName"]!.GetValue<string>() == "ElsaM3.M3pp.UpdateCase");
        updateCase["inputs"]!.AsArray().Select(i => $"{i!["name"]}:{i["uiHint"]}").ShouldBe(["Fields:json-editor", "Status:singleline", "Note:multiline", "NoteVisibility:dropdown"]);
    }

    [Fact]
    public async Task The_retry_policy_is_listed_as_a_resilience_strategy_and_the_feature_is_advertised()
    {
        await using var kit = await M3ppKit.StartAsync();
        var features = (await kit.Admin.GetJsonAsync("/elsa/api/features/installed"))["items"]!.AsArray();
        features.Select(f => f!["fullName"]!.GetValue<string>()).ShouldBe(["Elsa.Resilience"]);

        var strategy = (await kit.Admin.GetJsonAsync("/elsa/api/resilience/strategies?category=M3PP"))["items"]!.AsArray().Single()!;
        strategy["id"]!.GetValue<string>().ShouldBe("m3pp-integration");
        strategy["maxAttempts"]!.GetValue<int>().ShouldBe(16);
        strategy["displayName"]!.GetValue<string>().ShouldStartWith("M3 integration: 16 attempts in the background");
        (await kit.Admin.GetJsonAsync("/elsa/api/resilience/strategies?category=HTTP"))["items"]!.AsArray().ShouldBeEmpty();
    }
}

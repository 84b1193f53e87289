using System.Text.Json;
using System.Text.Json.Nodes;
using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.Tests.Support;
using ElsaM3.Workflows.Bookmarks;

namespace ElsaM3.Workflows.Tests.Serialization;

public sealed class WorkflowDefinitionSerializerTests : IDisposable
{
    private readonly WorkflowTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    private static void ShouldBeJsonEqual(string actual, string expected)
    {
        var a = JsonNode.Parse(actual);
        var e = JsonNode.Parse(expected.TrimStart('\uFEFF'));
        JsonNode.DeepEquals(a, e).ShouldBeTrue($"JSON differs.\nExpected: {e!.ToJsonString()}\nActual:   {a!.ToJsonString()}");
    }

    [Theory]
    [InlineData("current/echo-api.json")]
    [InlineData("current/decision-fork-join.json")]
    public void CurrentForm_RoundTripsJsonEqual(string fixture)
    {
        var json = Fixture(fixture);

        var written = _host.Serializer.Serialize(_host.Serializer.Deserialize(json));

        ShouldBeJsonEqual(written, json);
    }

    [Theory]
    [InlineData("variants/legacy-flat-connections.json", "variants/legacy-flat-connections.expected.json")]
    [InlineData("variants/pascal-case.json", "variants/pascal-case.expected.json")]
    [InlineData("variants/bare-primitives.json", "variants/bare-primitives.expected.json")]
    [InlineData("variants/bom.json", "variants/pascal-case.expected.json")]
    public void Variant_IsReadAndWrittenInCurrentForm(string fixture, string expected)
    {
        var written = _host.Serializer.Serialize(_host.Serializer.Deserialize(Fixture(fixture)));

        ShouldBeJsonEqual(written, Fixture(expected));
    }

    [Fact]
    public void Bom_IsAcceptedFromBytes()
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "variants/bom.json"));
        bytes[0].ShouldBe((byte)0xEF);

        _host.Serializer.Deserialize(bytes).DefinitionId.ShouldBe("pascal");
    }

    [Fact]
    public void UnknownActivity_KeepsEveryPropertyVerbatim_IncludingInputMemoryReferences()
    {
        var definition = _host.Serializer.Deserialize(Fixture("current/decision-fork-join.json"));

        var unknown = definition.Root.Activities!.Single(a => a.Id == "req");
        unknown.Unrecognised.ShouldNotBeNull();
        unknown.Unrecognised["memoryReferenced"]!["memoryReference"]!["id"]!.GetValue<string>().ShouldBe("kept-for-unknown");
        unknown.Version.ShouldBe(2);
    }

    [Fact]
    public void ConnectionToMissingActivity_IsKept_ButIgnoredWhenRunning()
    {
        var definition = _host.Serializer.Deserialize(Fixture("current/decision-fork-join.json"));

        definition.Root.Connections!.ShouldContain(c => c.Source.Activity == "gone");
        Should.NotThrow(() => _host.Compile(definition));
    }

    [Fact]
    public async Task LegacyDefinition_Runs()
    {
        var graph = _host.Compile(Fixture("variants/legacy-flat-connections.json"));

        var result = await _host.StartAsync(graph);

        result.SubStatus.ShouldBe(WorkflowSubStatus.Finished);
        _host.Console.ToString().Trim().ShouldBe("Counted to 3");
    }

    [Fact]
    public async Task EmptySequenceRoot_IsAccepted_AndFinishesAtOnce()
    {
        var json = """{"id":"x","definitionId":"x","root":{"id":"s","type":"Elsa.Sequence","activities":[]}}""";

        var result = await _host.StartAsync(_host.Compile(json));

        result.SubStatus.ShouldBe(ElsaM3.Workflows.Execution.WorkflowSubStatus.Finished);
    }

    [Fact]
    public void DuplicateActivityIds_AreRejected()
    {
        var json = new Flow().Record("a").Record("a").Json();

        Should.Throw<WorkflowDefinitionException>(() => _host.Compile(json)).Message.ShouldContain("'a'");
    }

    [Fact]
    public void ActivityWithoutType_IsAJsonError()
    {
        var json = """{"id":"x","definitionId":"x","root":{"id":"fc","type":"Elsa.Flowchart","activities":[{"id":"a"}],"connections":[]}}""";

        Should.Throw<JsonException>(() => _host.Serializer.Deserialize(json)).Message.ShouldContain("no 'type'");
    }

    [Fact]
    public void Compile_AssignsNodeIds()
    {
        var definition = _host.Serializer.Deserialize(new Flow().Record("a").Json());

        _host.Compile(definition);

        definition.Root.NodeId.ShouldBe("Workflow1:fc");
        definition.Root.Activities![0].NodeId.ShouldBe("Workflow1:fc:a");
    }

    [Fact]
    public void WorkflowState_RoundTripsThroughJson()
    {
        var state = new WorkflowState
        {
            Id = "i1",
            Variables = { ["v"] = new Dictionary<string, object?> { ["n"] = 1L, ["list"] = new List<object?> { "a", true } } },
            Bookmarks = { new Bookmark { Id = "b", Name = "Elsa.Delay", ResumeAt = DateTimeOffset.Parse("2026-01-01T00:00:00Z") } },
        };

        var copy = ElsaM3.Workflows.Serialization.WorkflowJson.Deserialize<WorkflowState>(ElsaM3.Workflows.Serialization.WorkflowJson.Serialize(state));

        var value = copy.Variables["v"].ShouldBeOfType<Dictionary<string, object?>>();
        value["n"].ShouldBe(1L);
        value["list"].ShouldBeOfType<List<object?>>().ShouldBe(new List<object?> { "a", true });
        copy.Bookmarks[0].ResumeAt.ShouldBe(state.Bookmarks[0].ResumeAt);
    }
}

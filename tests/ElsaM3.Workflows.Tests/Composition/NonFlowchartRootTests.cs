using System.Text.Json.Nodes;
using ElsaM3.Workflows.Definitions;
using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.Journal;
using ElsaM3.Workflows.Serialization;
using ElsaM3.Workflows.Tests.Support;

namespace ElsaM3.Workflows.Tests.Composition;

/// <summary>Roots Elsa files have besides a flowchart: a Sequence, a single activity, a workflow used as an activity.</summary>
public sealed class NonFlowchartRootTests : IDisposable
{
    private readonly WorkflowTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private static string Fixture(string name) => FixtureFiles.Read("composition", name);

    private string[] Lines() => _host.Console.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task A_sequence_root_runs_its_activities_in_order_waits_durably_and_stops_at_End()
    {
        var graph = _host.Compile(Fixture("sequence-root.json"));

        var first = await _host.StartAsync(graph);
        first.SubStatus.ShouldBe(WorkflowSubStatus.Suspended);
        Lines().ShouldBe(["one"]);

        var stored = WorkflowJson.Deserialize<WorkflowState>(WorkflowJson.Serialize(first.State));
        var resumed = await _host.Runner.ResumeAsync(_host.Compile(Fixture("sequence-root.json")), stored, stored.Bookmarks.Single().Id);

        resumed.SubStatus.ShouldBe(WorkflowSubStatus.Finished);
        Lines().ShouldBe(["one", "two"]);
        resumed.Journal.Last().EventName.ShouldBe(JournalEvents.Completed);
    }

    [Fact]
    public async Task A_single_activity_root_runs_and_finishes_the_workflow()
    {
        var result = await _host.StartAsync(_host.Compile(Fixture("single-activity-root.json")));

        result.SubStatus.ShouldBe(WorkflowSubStatus.Finished);
        Lines().ShouldBe(["just me"]);
        result.Journal.Select(j => $"{j.ActivityType}:{j.EventName}").ShouldBe(
            ["Elsa.Workflow:Started", "Elsa.WriteLine:Started", "Elsa.WriteLine:Completed", "Elsa.Workflow:Completed"]);
    }

    [Fact]
    public async Task A_workflow_used_as_an_activity_can_be_the_root()
    {
        var child = _host.Serializer.Deserialize(Fixture("greet-resident.json"));
        var graph = _host.Runner.Compile(_host.Serializer.Deserialize(Fixture("child-as-root.json")), _ => child);

        var result = await _host.StartAsync(graph);

        result.SubStatus.ShouldBe(WorkflowSubStatus.Finished);
        result.State.Output["Message"].ShouldBe("Hello, Eve");
    }

    [Fact]
    public async Task A_sequence_inside_a_flowchart_completes_and_the_flowchart_routes_on()
    {
        var json = new Flow().Record("a").Add("seq", ActivityNode.SequenceType,
                ("activities", JsonNode.Parse("""[{"id":"s1","type":"Test.Record","version":1,"label":"s1"},{"id":"s2","type":"Test.Record","version":1,"label":"s2"}]""")))
            .Record("b").Chain("a", "seq", "b").Json();

        var result = await _host.StartAsync(_host.Compile(json));

        result.SubStatus.ShouldBe(WorkflowSubStatus.Finished);
        _host.Trace.Entries.ShouldBe(["a", "s1", "s2", "b"]);
    }

    [Theory]
    [InlineData("sequence-root.json")]
    [InlineData("single-activity-root.json")]
    [InlineData("child-as-root.json")]
    public void Every_root_is_written_back_as_read(string name)
    {
        var json = JsonNode.Parse(Fixture(name))!;

        var written = JsonNode.Parse(_host.Serializer.Serialize(_host.Serializer.Deserialize(json.ToJsonString())))!;

        JsonNode.DeepEquals(written["root"], json["root"]).ShouldBeTrue(written["root"]!.ToJsonString());
    }
}

using System.Text.Json.Nodes;
using ElsaM3.Workflows.Composition;
using ElsaM3.Workflows.Definitions;
using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.Serialization;
using ElsaM3.Workflows.Tests.Support;

namespace ElsaM3.Workflows.Tests.Composition;

/// <summary>Workflows used as activities: inputs in, outputs and outcomes out, their own memory, nested journal.</summary>
public sealed class WorkflowAsActivityTests : IDisposable
{
    private readonly WorkflowTestHost _host = new();
    private readonly Dictionary<string, WorkflowDefinition> _published = [];

    public WorkflowAsActivityTests()
    {
        Publish(Fixture("greet-resident.json"));
        Publish(Fixture("triage-score.json"));
    }

    public void Dispose() => _host.Dispose();

    private static string Fixture(string name) => FixtureFiles.Read("composition", name);

    private void Publish(string json)
    {
        var definition = _host.Serializer.Deserialize(json);
        _published[definition.DefinitionId] = definition;
    }

    private WorkflowGraph Compile(string json) =>
        _host.Runner.Compile(_host.Serializer.Deserialize(json), reference => _published.GetValueOrDefault(reference.DefinitionId));

    private Task<WorkflowRunResult> RunParentAsync(string name, int score) =>
        _host.StartAsync(Compile(Fixture("report-parent.json")),
            new StartOptions { Input = new Dictionary<string, object?> { ["ResidentName"] = name, ["Score"] = score } }).AsTask();

    [Fact]
    public async Task A_child_gets_its_inputs_from_the_parent_and_its_output_lands_in_the_parents_workflow_output()
    {
        var result = await RunParentAsync("Ann", 7);

        result.SubStatus.ShouldBe(WorkflowSubStatus.Finished);
        _host.Console.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)
            .ShouldBe(["Parent: Ann", "Child: ANN", "Parent got: Hello, ANN"]);
        result.State.Output["Greeting"].ShouldBe("Hello, ANN");
    }

    [Theory]
    [InlineData(7, "urgent")]
    [InlineData(2, "routine")]
    public async Task A_child_that_completes_with_an_outcome_routes_the_parent_by_that_outcome(int score, string verdict)
    {
        var result = await RunParentAsync("Bob", score);

        result.SubStatus.ShouldBe(WorkflowSubStatus.Finished);
        result.State.Output["Verdict"].ShouldBe(verdict);
        _host.Console.ToString().ShouldNotContain("after complete");
        var triage = result.ActivityExecutions.Single(r => r.ActivityId == "triage");
        ((IEnumerable<string>)triage.Payload!["outcomes"]!).ShouldBe([score >= 5 ? "Urgent" : "Routine"]);
    }

    [Fact]
    public async Task The_child_has_its_own_variables_and_its_journal_is_nested_under_the_activity()
    {
        var result = await RunParentAsync("Cy", 1);

        result.State.Variables.Keys.ShouldBe(["v-message"]);
        var greet = result.ActivityExecutions.Single(r => r.ActivityId == "greet");
        greet.ActivityType.ShouldBe("GreetResident");
        greet.Outputs!["Message"].ShouldBe("Hello, CY");
        greet.ActivityState!["ResidentName"].ShouldBe("CY");
        var childWrite = result.Journal.First(j => j.ActivityId == "write1" && j.NodeId.StartsWith("Workflow1:fc01:greet:"));
        var childRoot = result.Journal.First(j => j.ActivityInstanceId == childWrite.ParentActivityInstanceId);
        childRoot.ActivityType.ShouldBe(ActivityNode.FlowchartType);
        childRoot.ParentActivityInstanceId.ShouldBe(greet.Id);
    }

    [Fact]
    public async Task A_child_waiting_on_a_bookmark_resumes_from_stored_state_and_hands_back_its_output()
    {
        Publish(new JsonObject
        {
            ["id"] = "wait-v1", ["definitionId"] = "wait-child", ["name"] = "Wait child", ["version"] = 1, ["isPublished"] = true,
            ["options"] = new JsonObject { ["usableAsActivity"] = true },
            ["inputs"] = new JsonArray(new JsonObject { ["name"] = "Prefix", ["type"] = "String" }),
            ["outputs"] = new JsonArray(new JsonObject { ["name"] = "Reply", ["type"] = "String" }),
            ["variables"] = new JsonArray(new JsonObject { ["id"] = "got", ["name"] = "Got", ["typeName"] = "String" }),
            ["root"] = JsonNode.Parse("""
                {"id":"fc","type":"Elsa.Flowchart","version":1,"activities":[
                  {"id":"w","type":"Test.Wait","version":1,"result":{"typeName":"String","memoryReference":{"id":"got"}}},
                  {"id":"o","type":"Elsa.SetOutput","version":1,"outputName":{"typeName":"String","expression":{"type":"Literal","value":"Reply"}},
                   "outputValue":{"typeName":"Object","expression":{"type":"JavaScript","value":"getPrefix() + getGot()"}}}],
                 "connections":[{"source":{"activity":"w","port":"Done"},"target":{"activity":"o","port":"In"}}]}
                """),
        }.ToJsonString());
        var parent = new Flow().Variable("Answer")
            .Add("child", "WaitChild", ("workflowDefinitionId", "wait-child"), ("prefix", Flow.Literal("re: ")),
                ("reply", JsonNode.Parse("""{"typeName":"String","memoryReference":{"id":"v-Answer"}}""")))
            .Add("after", "Test.Record", ("label", Flow.Expr("JavaScript", "getAnswer()", "String")))
            .Chain("child", "after").Json();
        var graph = Compile(parent);
        var first = await _host.StartAsync(graph);
        first.SubStatus.ShouldBe(WorkflowSubStatus.Suspended);

        var stored = WorkflowJson.Deserialize<WorkflowState>(WorkflowJson.Serialize(first.State));
        var resumed = await _host.Runner.ResumeAsync(Compile(parent), stored, stored.Bookmarks.Single().Id, "hello");

        resumed.SubStatus.ShouldBe(WorkflowSubStatus.Finished);
        _host.Trace.Entries.ShouldBe(["wait:w", "resumed:w", "re: hello"]);
        resumed.State.Variables["v-Answer"].ShouldBe("re: hello");
    }

    [Fact]
    public async Task An_activity_whose_workflow_is_missing_faults_naming_the_workflow()
    {
        var graph = _host.Runner.Compile(_host.Serializer.Deserialize(Fixture("report-parent.json")));

        var result = await _host.StartAsync(graph, new StartOptions { Input = new Dictionary<string, object?> { ["ResidentName"] = "x" } });

        result.SubStatus.ShouldBe(WorkflowSubStatus.Faulted);
        result.State.Incidents.Single().Message.ShouldContain("runs the workflow 'greet-resident' (type 'GreetResident'), which this server does not have");
    }

    [Fact]
    public void A_workflow_that_contains_itself_is_refused_naming_the_activity()
    {
        var self = new JsonObject
        {
            ["id"] = "loop-v1", ["definitionId"] = "loop", ["name"] = "Loop", ["version"] = 1, ["options"] = new JsonObject { ["usableAsActivity"] = true },
            ["root"] = JsonNode.Parse("""{"id":"fc","type":"Elsa.Flowchart","version":1,"activities":[{"id":"again","type":"Loop","version":1,"workflowDefinitionId":"loop"}],"connections":[]}"""),
        }.ToJsonString();
        Publish(self);

        Should.Throw<WorkflowDefinitionException>(() => Compile(self)).Message
            .ShouldBe("activities: 'again' runs the workflow 'Loop' inside itself; a workflow cannot contain itself.");
    }

    [Fact]
    public async Task Complete_in_the_top_workflow_finishes_it()
    {
        var graph = _host.Compile(new Flow().Record("a").Add("c", "Elsa.Complete").Record("b").Chain("a", "c", "b").Json());

        var result = await _host.StartAsync(graph);

        result.SubStatus.ShouldBe(WorkflowSubStatus.Finished);
        _host.Trace.Entries.ShouldBe(["a"]);
    }

    [Fact]
    public void The_descriptor_is_generated_from_the_definitions_inputs_outputs_and_outcomes()
    {
        var greet = WorkflowActivityDescriptor.For(_published["greet-resident"], _published["greet-resident"]);
        var triage = WorkflowActivityDescriptor.For(_published["triage-score"], null);

        greet.TypeName.ShouldBe("GreetResident");
        greet.Category.ShouldBe("Council");
        greet.IsBrowsable.ShouldBeTrue();
        greet.Inputs.Select(i => (i.Name, i.TypeName, i.DisplayName)).ShouldBe([("ResidentName", "String", "Resident name")]);
        greet.Outputs.Select(o => o.Name).ShouldBe(["Message"]);
        greet.ConstructionProperties["WorkflowDefinitionVersionId"]!.GetValue<string>().ShouldBe("greet-resident-v1");
        triage.Category.ShouldBe(WorkflowActivityDescriptor.DefaultCategory);
        triage.Ports.Select(p => (p.Name, p.Type)).ShouldBe([("Root", "Embedded"), ("Urgent", "Flow"), ("Routine", "Flow")]);
    }

    [Theory]
    [InlineData("Greet resident", "GreetResident")]
    [InlineData("child_with_output", "ChildWithOutput")]
    [InlineData("ChildWithOutput", "ChildWithOutput")]
    public void The_type_name_is_the_pascalized_workflow_name(string name, string typeName) =>
        WorkflowActivityTypeName.Of(name).ShouldBe(typeName);

    [Fact]
    public void A_parent_is_written_back_exactly_as_read()
    {
        var json = Fixture("report-parent.json");
        var definition = _host.Serializer.Deserialize(json);
        var written = JsonNode.Parse(_host.Serializer.Serialize(definition))!;

        var greet = written["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "greet")!;
        JsonNode.DeepEquals(greet, JsonNode.Parse(json)!["root"]!["activities"]![2]).ShouldBeTrue();
    }
}

using System.Text.Json.Nodes;
using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.Serialization;
using ElsaM3.Workflows.Tests.Support;

namespace ElsaM3.Workflows.Tests.Looping;

/// <summary>ForEach, ParallelForEach, While, Break and FlowNode: bodies, their variables, and durable waits inside them.</summary>
public sealed class LoopTests : IDisposable
{
    private readonly WorkflowTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private WorkflowGraph Compile(string name) => _host.Compile(FixtureFiles.Read("looping", name));

    private string[] Lines() => _host.Console.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task ForEach_runs_its_body_per_item_with_CurrentValue_and_CurrentIndex_and_Break_ends_it()
    {
        var result = await _host.StartAsync(Compile("for-each-break.json"));

        result.SubStatus.ShouldBe(WorkflowSubStatus.Finished);
        Lines().ShouldBe(["0: grey", "1: green", "stopped at broken"]);
        result.State.Variables["v-bin"].ShouldBe("broken");
    }

    [Fact]
    public async Task While_runs_its_body_until_the_condition_fails()
    {
        var result = await _host.StartAsync(Compile("while-counter.json"));

        result.SubStatus.ShouldBe(WorkflowSubStatus.Finished);
        Lines().ShouldBe(["count 1", "count 2", "count 3", "done"]);
    }

    [Fact]
    public async Task ParallelForEach_runs_every_body_at_once_and_completes_when_the_last_one_resumed_from_stored_state_ends()
    {
        var graph = Compile("parallel-for-each.json");
        var first = await _host.StartAsync(graph);
        first.SubStatus.ShouldBe(WorkflowSubStatus.Suspended);
        first.State.Bookmarks.Count.ShouldBe(2);

        var state = WorkflowJson.Deserialize<WorkflowState>(WorkflowJson.Serialize(first.State));
        var one = await _host.Runner.ResumeAsync(Compile("parallel-for-each.json"), state, state.Bookmarks[1].Id);
        one.SubStatus.ShouldBe(WorkflowSubStatus.Suspended);
        Lines().ShouldBe(["emptied green #1"]);

        state = WorkflowJson.Deserialize<WorkflowState>(WorkflowJson.Serialize(one.State));
        var two = await _host.Runner.ResumeAsync(Compile("parallel-for-each.json"), state, state.Bookmarks.Single().Id);
        two.SubStatus.ShouldBe(WorkflowSubStatus.Finished);
        Lines().ShouldBe(["emptied green #1", "emptied grey #0", "all emptied"]);
    }

    [Fact]
    public async Task FlowNode_runs_its_body_once_then_routes_on()
    {
        var result = await _host.StartAsync(Compile("flow-node.json"));

        result.SubStatus.ShouldBe(WorkflowSubStatus.Finished);
        Lines().ShouldBe(["inside", "after"]);
    }

    [Fact]
    public async Task An_inner_loops_CurrentValue_hides_the_outer_ones_and_Break_ends_only_the_inner_loop()
    {
        var inner = new JsonObject
        {
            ["id"] = "inner", ["type"] = "Elsa.ForEach", ["version"] = 1,
            ["items"] = Flow.Expr("Object", "[1,2,3]"),
            ["body"] = JsonNode.Parse("""
                {"id":"ib","type":"Elsa.Flowchart","version":1,"activities":[
                  {"id":"stop?","type":"Elsa.FlowDecision","version":1,"condition":{"typeName":"Boolean","expression":{"type":"JavaScript","value":"getCurrentValue() == 3"}}},
                  {"id":"brk","type":"Elsa.Break","version":1},
                  {"id":"rec","type":"Test.Record","version":1,"label":{"typeName":"String","expression":{"type":"JavaScript","value":"getVariable('CurrentValue') + '/' + getCurrentIndex()"}}}],
                 "connections":[{"source":{"activity":"stop?","port":"True"},"target":{"activity":"brk","port":"In"}},
                                {"source":{"activity":"stop?","port":"False"},"target":{"activity":"rec","port":"In"}}]}
                """),
        };
        var json = new Flow().Add("outer", "Elsa.ForEach", ("items", Flow.Expr("Object", "[\"a\",\"b\"]")), ("body", inner)).Record("end").Chain("outer", "end").Json();

        var result = await _host.StartAsync(_host.Compile(json));

        result.SubStatus.ShouldBe(WorkflowSubStatus.Finished);
        _host.Trace.Entries.ShouldBe(["1/0", "2/1", "1/0", "2/1", "end"]);
    }

    [Fact]
    public async Task ForEach_over_a_thousand_items_runs_in_one_burst()
    {
        var items = new JsonArray(Enumerable.Range(1, 1000).Select(i => (JsonNode)i).ToArray()).ToJsonString();
        var json = new Flow().Add("loop", "Elsa.ForEach", ("items", Flow.Expr("Object", items)),
                ("body", JsonNode.Parse("""{"id":"r","type":"Test.Record","version":1,"label":{"typeName":"String","expression":{"type":"JavaScript","value":"'' + getCurrentValue()"}}}""")))
            .Json();

        var result = await _host.StartAsync(_host.Compile(json));

        result.SubStatus.ShouldBe(WorkflowSubStatus.Finished);
        _host.Trace.Entries.Count.ShouldBe(1000);
        _host.Trace.Entries[999].ShouldBe("1000");
    }

    [Fact]
    public void A_loops_body_is_written_back_as_read_and_its_descriptor_has_the_embedded_Body_port()
    {
        var json = JsonNode.Parse(FixtureFiles.Read("looping", "for-each-break.json"))!;

        var written = JsonNode.Parse(_host.Serializer.Serialize(_host.Serializer.Deserialize(json.ToJsonString())))!;

        JsonNode.DeepEquals(written["root"]!["activities"]![0]!["body"], json["root"]!["activities"]![0]!["body"]).ShouldBeTrue();
        _host.Registry.Find("Elsa.ForEach")!.Descriptor.Ports.ShouldContain(p => p.Name == "Body" && p.Type == "Embedded");
    }

    [Fact]
    public async Task Variables_declared_on_a_body_flowchart_are_in_scope_and_keep_their_value_across_turns()
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse("""
            {"id":"b","type":"Elsa.Flowchart","version":1,
             "variables":[{"id":"total","name":"Total","typeName":"Int32","value":"0"}],
             "activities":[{"id":"add","type":"Elsa.SetVariable","version":1,"variable":{"id":"total","name":"Total"},
                            "value":{"typeName":"Object","expression":{"type":"JavaScript","value":"getTotal() + getCurrentValue()"}}}],
             "connections":[]}
            """);
        var json = new Flow().Add("loop", "Elsa.ForEach", ("items", Flow.Expr("Object", "[1,2,3]")), ("body", body))
            .Add("say", "Test.Record", ("label", Flow.Expr("JavaScript", "'total ' + getTotal()", "String"))).Chain("loop", "say").Json();

        var result = await _host.StartAsync(_host.Compile(json));

        result.SubStatus.ShouldBe(WorkflowSubStatus.Finished);
        _host.Trace.Entries.ShouldBe(["total 6"]);
    }
}

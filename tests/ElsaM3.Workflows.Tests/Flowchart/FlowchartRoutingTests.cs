using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.Tests.Support;
using ElsaM3.Workflows.Journal;

namespace ElsaM3.Workflows.Tests.Flowchart;

public sealed class FlowchartRoutingTests : IDisposable
{
    private readonly WorkflowTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private async Task<WorkflowRunResult> Run(Flow flow, StartOptions? options = null) =>
        await _host.StartAsync(_host.Compile(flow.Json()), options);

    [Fact]
    public async Task Sequence_RunsEveryActivityInOrder_AndFinishes()
    {
        var result = await Run(new Flow().Record("a").Record("b").Record("c").Chain("a", "b", "c"));

        _host.Trace.Entries.ShouldBe(["a", "b", "c"]);
        result.Status.ShouldBe(WorkflowStatus.Finished);
        result.SubStatus.ShouldBe(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task Outcome_FollowsOnlyConnectionsFromMatchingPort()
    {
        var flow = new Flow().Record("a", "B").Record("x").Record("y")
            .Connect("a", "x", "A").Connect("a", "y", "B");

        await Run(flow);

        _host.Trace.Entries.ShouldBe(["a", "y"]);
    }

    [Fact]
    public async Task ImplicitJoin_WaitsForAllActiveBranches_AndSkipsDeadPaths()
    {
        // a → (A) x → j ; a → (B) y → j. Only A is followed: j still runs once, after x, because y's path is dead.
        var flow = new Flow().Record("a", "A").Record("x").Record("y").Record("j")
            .Connect("a", "x", "A").Connect("a", "y", "B").Connect("x", "j").Connect("y", "j");

        var result = await Run(flow);

        _host.Trace.Entries.ShouldBe(["a", "x", "j"]);
        result.SubStatus.ShouldBe(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task ImplicitJoin_WithBothBranchesFollowed_RunsOnceAfterBoth()
    {
        var flow = new Flow().Record("a", "A", "B").Record("x").Record("y").Record("j")
            .Connect("a", "x", "A").Connect("a", "y", "B").Connect("x", "j").Connect("y", "j");

        await Run(flow);

        _host.Trace.Entries.ShouldBe(["a", "x", "y", "j"]);
    }

    [Fact]
    public async Task DeadPath_PropagatesThroughChains()
    {
        // a → (B) y → y2 → j ; a → (A) x → j. y and y2 never run, j runs once.
        var flow = new Flow().Record("a", "A").Record("x").Record("y").Record("y2").Record("j")
            .Connect("a", "x", "A").Connect("a", "y", "B").Chain("y", "y2", "j").Connect("x", "j");

        await Run(flow);

        _host.Trace.Entries.ShouldBe(["a", "x", "j"]);
    }

    [Fact]
    public async Task FlowJoin_WaitAll_SkipsWhenNotEveryBranchWasFollowed()
    {
        var flow = new Flow().Record("a", "A").Record("x").Record("y")
            .Add("join", "Elsa.FlowJoin", ("mode", Flow.Literal("WaitAll"))).Record("after")
            .Connect("a", "x", "A").Connect("a", "y", "B").Connect("x", "join").Connect("y", "join").Connect("join", "after");

        await Run(flow);

        _host.Trace.Entries.ShouldBe(["a", "x"]);
    }

    [Fact]
    public async Task FlowJoin_WaitAll_RunsAfterEveryBranch()
    {
        var flow = new Flow()
            .Add("fork", "Elsa.FlowFork", ("branches", Flow.Expr("Object", "[\"A\",\"B\"]", "String[]")))
            .Record("x").Record("y").Record("y2")
            .Add("join", "Elsa.FlowJoin", ("mode", Flow.Literal("WaitAll"))).Record("after")
            .Connect("fork", "x", "A").Connect("fork", "y", "B").Connect("y", "y2")
            .Connect("x", "join").Connect("y2", "join").Connect("join", "after");

        await Run(flow);

        _host.Trace.Entries.ShouldBe(["x", "y", "y2", "after"]);
    }

    [Fact]
    public async Task FlowJoin_WaitAny_ContinuesOnFirstBranch_AndCancelsTheOther()
    {
        // Branch B waits on a bookmark; branch A reaches the join first, which cancels the wait.
        var flow = new Flow()
            .Add("fork", "Elsa.FlowFork", ("branches", Flow.Expr("Object", "[\"A\",\"B\"]", "String[]")))
            .Record("x").Add("w", "Test.Wait")
            .Add("join", "Elsa.FlowJoin", ("mode", Flow.Literal("WaitAny"))).Record("after")
            .Connect("fork", "w", "B").Connect("fork", "x", "A")
            .Connect("x", "join").Connect("w", "join").Connect("join", "after");

        var result = await Run(flow);

        _host.Trace.Entries.ShouldBe(["wait:w", "x", "after"]);
        result.State.Bookmarks.ShouldBeEmpty();
        result.SubStatus.ShouldBe(WorkflowSubStatus.Finished);
        result.Journal.ShouldContain(j => j.ActivityId == "w" && j.EventName == JournalEvents.Canceled);
    }

    [Fact]
    public async Task Loop_ThroughBackwardConnection_RepeatsUntilDecisionExits()
    {
        var flow = new Flow().Variable("Counter", "Int32", "0")
            .Add("inc", "Elsa.SetVariable",
                ("variable", new System.Text.Json.Nodes.JsonObject { ["id"] = "v-Counter", ["name"] = "Counter" }),
                ("value", Flow.Expr("JavaScript", "getCounter() + 1")))
            .Add("check", "Elsa.FlowDecision", ("condition", Flow.Expr("JavaScript", "getCounter() < 5", "Boolean")))
            .Record("done")
            .Connect("inc", "check").Connect("check", "inc", "True").Connect("check", "done", "False");

        var result = await Run(flow);

        result.State.Variables["v-Counter"].ShouldBe(5);
        _host.Trace.Entries.ShouldBe(["done"]);
        result.Journal.Count(j => j.ActivityId == "inc" && j.EventName == JournalEvents.Completed).ShouldBe(5);
        result.SubStatus.ShouldBe(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task Loop_InvalidBackwardConnection_FaultsWithClearMessage()
    {
        // start → a → b, start → b; b → a loops back, but b is reachable without passing a.
        var flow = new Flow().Add("start", "Elsa.Start").Record("a").Record("b", "Done")
            .Connect("start", "a").Connect("a", "b").Connect("start", "b").Connect("b", "a");

        var result = await Run(flow);

        result.SubStatus.ShouldBe(WorkflowSubStatus.Faulted);
        result.State.Incidents.Single().Message.ShouldContain("Invalid backward connection");
    }

    [Fact]
    public async Task TerminalEnd_CompletesFlowchart_AndCancelsOtherBranches()
    {
        var flow = new Flow()
            .Add("fork", "Elsa.FlowFork", ("branches", Flow.Expr("Object", "[\"A\",\"B\"]", "String[]")))
            .Add("w", "Test.Wait").Add("end", "Elsa.End").Record("never")
            .Connect("fork", "w", "A").Connect("fork", "end", "B").Connect("w", "never");

        var result = await Run(flow);

        result.SubStatus.ShouldBe(WorkflowSubStatus.Finished);
        result.State.Bookmarks.ShouldBeEmpty();
        _host.Trace.Entries.ShouldNotContain("never");
    }

    [Fact]
    public async Task Finish_EndsWorkflowImmediately()
    {
        var flow = new Flow().Record("a", "A", "B").Add("finish", "Elsa.Finish").Add("w", "Test.Wait")
            .Connect("a", "w", "A").Connect("a", "finish", "B");

        var result = await Run(flow);

        result.SubStatus.ShouldBe(WorkflowSubStatus.Finished);
        result.State.Bookmarks.ShouldBeEmpty();
        result.Journal.Count(j => j.ActivityId == "w" && j.EventName == JournalEvents.Canceled).ShouldBe(1);
        result.ActivityExecutions.Single(r => r.ActivityId == "w").Status.ShouldBe(ActivityStatus.Canceled);
    }

    [Fact]
    public async Task StartNode_PrefersStartActivity()
    {
        var flow = new Flow().Record("first").Add("start", "Elsa.Start").Record("second").Connect("start", "second");

        await Run(flow);

        _host.Trace.Entries.ShouldBe(["second"]);
    }

    [Fact]
    public async Task StartNode_UsesTriggerActivity_WhenGiven()
    {
        var flow = new Flow().Record("a").Record("b").Record("c").Chain("a", "b").Connect("c", "b");

        await Run(flow, new StartOptions { TriggerActivityId = "c" });

        _host.Trace.Entries.ShouldBe(["c", "b"]);
    }

    [Fact]
    public async Task StartNode_UsesCanStartWorkflow_ThenRootWithoutInbound()
    {
        var json = new Flow().Record("x").Record("root").Connect("x", "root").Json()
            .Replace("\"id\":\"root\",", "\"id\":\"root\",\"customProperties\":{\"canStartWorkflow\":true},");
        await _host.StartAsync(_host.Compile(json));
        _host.Trace.Entries.ShouldBe(["root"]);

        _host.Trace.Entries.Clear();
        await Run(new Flow().Record("b").Record("a").Connect("a", "b"));
        _host.Trace.Entries.ShouldBe(["a", "b"]);
    }

    [Fact]
    public async Task EmptyFlowchart_FinishesAtOnce()
    {
        var result = await Run(new Flow());

        result.SubStatus.ShouldBe(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task DecisionAndSwitch_RouteByCondition()
    {
        var flow = new Flow().Variable("Kind", "String", "bin")
            .Add("switch", "Elsa.FlowSwitch", ("cases", System.Text.Json.Nodes.JsonNode.Parse("""
                [{"label":"Noise","condition":{"type":"JavaScript","value":"getKind() === 'noise'"}},
                 {"label":"Bin","condition":{"type":"JavaScript","value":"getKind() === 'bin'"}}]
                """)))
            .Record("noise").Record("bin").Record("other")
            .Connect("switch", "noise", "Noise").Connect("switch", "bin", "Bin").Connect("switch", "other", "Default");

        await Run(flow);

        _host.Trace.Entries.ShouldBe(["bin"]);
    }

    [Fact]
    public async Task NestedFlowchart_RunsAsOneActivity_ThenTheOuterFlowContinues()
    {
        var inner = System.Text.Json.Nodes.JsonNode.Parse("""
            [{"id":"i1","name":"i1","type":"Test.Record","version":1,"label":{"typeName":"String","expression":{"type":"Literal","value":"i1"}}},
             {"id":"i2","name":"i2","type":"Test.Record","version":1,"label":{"typeName":"String","expression":{"type":"Literal","value":"i2"}}}]
            """);
        var innerConnections = System.Text.Json.Nodes.JsonNode.Parse("""
            [{"source":{"activity":"i1","port":"Done"},"target":{"activity":"i2","port":"In"}}]
            """);
        var flow = new Flow().Record("before").Add("sub", "Elsa.Flowchart", ("activities", inner), ("connections", innerConnections)).Record("after")
            .Chain("before", "sub", "after");

        var result = await Run(flow);

        _host.Trace.Entries.ShouldBe(["before", "i1", "i2", "after"]);
        result.SubStatus.ShouldBe(WorkflowSubStatus.Finished);
        result.Journal.ShouldContain(j => j.NodeId == "Workflow1:fc:sub:i2" && j.EventName == JournalEvents.Completed);
    }
}

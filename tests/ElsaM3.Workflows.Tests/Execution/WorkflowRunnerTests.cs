using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.Serialization;
using ElsaM3.Workflows.Tests.Support;
using ElsaM3.Workflows.Journal;
using ElsaM3.Workflows.Bookmarks;
using ElsaM3.Workflows.Incidents;

namespace ElsaM3.Workflows.Tests.Execution;

public sealed class WorkflowRunnerTests : IDisposable
{
    private readonly WorkflowTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Suspend_ThenResumeInAnotherHost_FromSerializedState()
    {
        var json = new Flow().Variable("Reply").Record("a").Add("w", "Test.Wait", ("result", System.Text.Json.Nodes.JsonNode.Parse("""{"typeName":"String","memoryReference":{"id":"v-Reply"}}""")))
            .Add("after", "Test.Record", ("label", Flow.Expr("JavaScript", "'got ' + getReply()", "String")))
            .Chain("a", "w", "after").Json();
        var first = await _host.StartAsync(_host.Compile(json));

        first.Status.ShouldBe(WorkflowStatus.Running);
        first.SubStatus.ShouldBe(WorkflowSubStatus.Suspended);
        var bookmark = first.State.Bookmarks.ShouldHaveSingleItem();
        bookmark.Name.ShouldBe("Test.Wait");
        bookmark.Hash.ShouldBe(StimulusHash.Compute("Test.Wait", new Dictionary<string, object?> { ["label"] = null }));
        var stored = WorkflowJson.Serialize(first.State);

        using var other = new WorkflowTestHost();
        var state = WorkflowJson.Deserialize<WorkflowState>(stored);
        var resumed = await other.Runner.ResumeAsync(other.Compile(json), state, bookmark.Id, "hello");

        resumed.SubStatus.ShouldBe(WorkflowSubStatus.Finished);
        other.Trace.Entries.ShouldBe(["resumed:w", "got hello"]);
        resumed.State.Bookmarks.ShouldBeEmpty();
        resumed.Journal.Select(j => (j.ActivityId, j.EventName)).ShouldContain(("w", JournalEvents.Resumed));
        resumed.Journal.First().Sequence.ShouldBeGreaterThan(first.Journal.Last().Sequence);
    }

    [Fact]
    public async Task Resuming_the_last_activity_finishes_the_workflow()
    {
        var graph = _host.Compile(new Flow().Record("a").Add("w", "Test.Wait").Chain("a", "w").Json());
        var suspended = await _host.StartAsync(graph);

        var resumed = await _host.Runner.ResumeAsync(graph, suspended.State, suspended.State.Bookmarks.Single().Id, "done");

        resumed.Status.ShouldBe(WorkflowStatus.Finished);
        resumed.SubStatus.ShouldBe(WorkflowSubStatus.Finished);
        resumed.State.FinishedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Journal_UsesElsaEventNames_InOrder()
    {
        var result = await _host.StartAsync(_host.Compile(new Flow().Record("a").Json()));

        result.Journal.Select(j => $"{j.ActivityType}:{j.EventName}").ShouldBe([
            "Elsa.Workflow:Started", "Elsa.Flowchart:Started", "Test.Record:Started", "Test.Record:Completed",
            "Elsa.Flowchart:Completed", "Elsa.Workflow:Completed",
        ]);
        result.Journal.Select(j => j.Sequence).ShouldBe([0L, 1, 2, 3, 4, 5]);
        result.Journal[2].NodeId.ShouldBe("Workflow1:fc:a");
    }

    [Fact]
    public async Task ActivityExecutionRecords_HoldInputsOutputsAndStatus()
    {
        var result = await _host.StartAsync(_host.Compile(new Flow().Record("a").Json()));

        var record = result.ActivityExecutions.Single(r => r.ActivityId == "a");
        record.Status.ShouldBe(ActivityStatus.Completed);
        record.ActivityState!["Label"].ShouldBe("a");
        record.Outputs!["Result"].ShouldBe("a");
        record.CompletedAt.ShouldNotBeNull();
        result.State.ActivityOutputs["a"]["Result"].ShouldBe("a");
    }

    [Fact]
    public async Task SensitiveInputs_AreMaskedInActivityExecutionRecords()
    {
        var flow = new Flow().Add("a", "Test.Record", ("label", Flow.Literal("a")), ("secret", Flow.Literal("s3cr3t")));

        var result = await _host.StartAsync(_host.Compile(flow.Json()));

        var state = result.ActivityExecutions.Single(r => r.ActivityId == "a").ActivityState!;
        state["Secret"].ShouldBe("***");
        state["Label"].ShouldBe("a");
    }

    [Fact]
    public async Task RenderedTemplates_ReplaceTheTemplateInTheRecord_AndSensitiveOnesStayMasked()
    {
        var flow = new Flow().Add("r", "Test.Render", ("template", Flow.Expr("Scriban", "Hello {{ Input.Name }}", "String")),
            ("secretTemplate", Flow.Expr("Scriban", "token-{{ Input.Name }}", "String")));

        var result = await _host.StartAsync(_host.Compile(flow.Json()), new StartOptions { Input = new Dictionary<string, object?> { ["Name"] = "Priya" } });

        var state = result.ActivityExecutions.Single(r => r.ActivityId == "r").ActivityState!;
        state["Template"].ShouldBe("Hello Priya");
        state["SecretTemplate"].ShouldBe("***");
    }

    [Fact]
    public async Task TestActivity_RunsOneActivityAsADryRun_AndFollowsNoConnection()
    {
        var flow = new Flow().Add("r", "Test.Render", ("template", Flow.Expr("Scriban", "{{ Input.Name }}", "String"))).Record("after").Chain("r", "after");
        var graph = _host.Compile(flow.Json());
        var node = graph.Nodes.Single(n => n.Id == "r");

        var record = await _host.Runner.TestActivityAsync(graph, node.NodeId, new Dictionary<string, object?> { ["Name"] = "Jo" });

        record.Status.ShouldBe(ActivityStatus.Completed);
        record.ActivityState!["Template"].ShouldBe("Jo");
        record.Payload!["outcomes"].ShouldBe(new[] { "Done" });
        _host.Trace.Entries.ShouldBe(["render:dry-run"]);
        await Should.ThrowAsync<KeyNotFoundException>(async () => await _host.Runner.TestActivityAsync(graph, "nope", null));
    }

    [Fact]
    public async Task Fault_WithDefaultStrategy_FaultsWorkflow_WithIncident()
    {
        var flow = new Flow().Add("t", "Test.Throw", ("message", Flow.Literal("kaput"))).Record("after").Chain("t", "after");

        var result = await _host.StartAsync(_host.Compile(flow.Json()));

        result.Status.ShouldBe(WorkflowStatus.Finished);
        result.SubStatus.ShouldBe(WorkflowSubStatus.Faulted);
        var incident = result.State.Incidents.ShouldHaveSingleItem();
        incident.ActivityId.ShouldBe("t");
        incident.Message.ShouldBe("kaput");
        incident.Exception!.Type.ShouldBe(typeof(InvalidOperationException).FullName);
        result.Journal.ShouldContain(j => j.ActivityId == "t" && j.EventName == JournalEvents.Faulted);
        _host.Trace.Entries.ShouldNotContain("after");
    }

    [Fact]
    public async Task Fault_WithContinueWithIncidents_RunsOtherBranches_AndStaysRunning()
    {
        var flow = new Flow().IncidentStrategy(IncidentStrategies.ContinueWithIncidentsTypeName)
            .Add("fork", "Elsa.FlowFork", ("branches", Flow.Expr("Object", "[\"A\",\"B\"]", "String[]")))
            .Add("t", "Test.Throw").Record("after-t").Record("other")
            .Connect("fork", "t", "A").Connect("fork", "other", "B").Connect("t", "after-t");

        var result = await _host.StartAsync(_host.Compile(flow.Json()));

        _host.Trace.Entries.ShouldBe(["throw:t", "other"]);
        result.Status.ShouldBe(WorkflowStatus.Running);
        result.SubStatus.ShouldBe(WorkflowSubStatus.Suspended);
        result.State.Incidents.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Retry_ResumesFaultedInstance_FromTheFailedActivity_KeepingCompletedWork()
    {
        var json = new Flow().Record("before").Add("t", "Test.Throw", ("failTimes", Flow.Literal(1, "Int32"))).Record("after").Chain("before", "t", "after").Json();
        var graph = _host.Compile(json);
        var faulted = await _host.StartAsync(graph);
        faulted.SubStatus.ShouldBe(WorkflowSubStatus.Faulted);

        var state = WorkflowJson.Deserialize<WorkflowState>(WorkflowJson.Serialize(faulted.State));
        var retried = await _host.Runner.RetryAsync(graph, state);

        retried.SubStatus.ShouldBe(WorkflowSubStatus.Finished);
        retried.State.Incidents.ShouldBeEmpty();
        _host.Trace.Entries.ShouldBe(["before", "throw:t", "throw:t", "after"]);
    }

    [Fact]
    public async Task Cancel_DropsBookmarks_AndFinishesCancelled()
    {
        var graph = _host.Compile(new Flow().Add("w", "Test.Wait").Json());
        var suspended = await _host.StartAsync(graph);

        var cancelled = _host.Runner.Cancel(graph, suspended.State);

        cancelled.SubStatus.ShouldBe(WorkflowSubStatus.Cancelled);
        cancelled.Status.ShouldBe(WorkflowStatus.Finished);
        cancelled.State.Bookmarks.ShouldBeEmpty();
        cancelled.Journal.ShouldContain(j => j.EventName == JournalEvents.WorkflowCancelled);
        Should.Throw<InvalidOperationException>(() => _host.Runner.Cancel(graph, cancelled.State));
    }

    [Fact]
    public async Task Delay_SuspendsWithResumeTime_AndCompletesWhenResumed()
    {
        var graph = _host.Compile(new Flow().Add("d", "Elsa.Delay", ("timeSpan", Flow.Literal("00:05:00", "TimeSpan"))).Record("after").Chain("d", "after").Json());
        var suspended = await _host.StartAsync(graph);

        var bookmark = suspended.State.Bookmarks.ShouldHaveSingleItem();
        bookmark.Name.ShouldBe("Elsa.Delay");
        bookmark.ResumeAt.ShouldBe(_host.Time.GetUtcNow().AddMinutes(5));

        var resumed = await _host.Runner.ResumeAsync(graph, suspended.State, bookmark.Id);
        resumed.SubStatus.ShouldBe(WorkflowSubStatus.Finished);
        _host.Trace.Entries.ShouldBe(["after"]);
    }

    [Fact]
    public async Task Variables_InputsAndOutputs_AreReadAndWritten()
    {
        var flow = new Flow().Variable("Greeting", "String", "Hello")
            .Add("set", "Elsa.SetVariable",
                ("variable", System.Text.Json.Nodes.JsonNode.Parse("""{"id":"v-Greeting","name":"Greeting","typeName":"String"}""")),
                ("value", Flow.Expr("JavaScript", "getGreeting() + ', ' + getInput('Name')")))
            .Add("out", "Elsa.WriteLine", ("text", Flow.Expr("Variable", "Greeting", "String")))
            .Chain("set", "out");

        var result = await _host.StartAsync(_host.Compile(flow.Json()), new StartOptions { Input = new Dictionary<string, object?> { ["Name"] = "Priya" } });

        result.State.Variables["v-Greeting"].ShouldBe("Hello, Priya");
        _host.Console.ToString().ShouldBe("Hello, Priya" + Environment.NewLine);
    }

    [Fact]
    public async Task SetName_and_Correlate_set_the_instance_name_and_correlation_id_from_expressions()
    {
        var flow = new Flow()
            .Add("name", "Elsa.SetName", ("value", Flow.Expr("JavaScript", "'Noise case ' + getInput('Case')", "String")))
            .Add("correlate", "Elsa.Correlate", ("correlationId", Flow.Expr("JavaScript", "getInput('Case')", "String")))
            .Chain("name", "correlate");

        var result = await _host.StartAsync(_host.Compile(flow.Json()), new StartOptions { Input = new Dictionary<string, object?> { ["Case"] = "FT-1001" } });

        result.SubStatus.ShouldBe(WorkflowSubStatus.Finished);
        result.State.Name.ShouldBe("Noise case FT-1001");
        result.State.CorrelationId.ShouldBe("FT-1001");
    }

    [Fact]
    public async Task UnknownActivityType_FaultsWithClearIncident()
    {
        var result = await _host.StartAsync(_host.Compile(new Flow().Add("x", "Acme.Missing").Json()));

        result.SubStatus.ShouldBe(WorkflowSubStatus.Faulted);
        result.State.Incidents.Single().Message.ShouldBe("Activity 'x' has type 'Acme.Missing', which this server does not know.");
    }

    [Fact]
    public async Task CrashRecovery_ContinueAsync_RunsScheduledWorkOfACommittedState()
    {
        var graph = _host.Compile(new Flow().Record("a").Record("b").Chain("a", "b").Json());
        var pending = _host.Runner.CreateInstance(graph, new StartOptions());
        var committed = WorkflowJson.Deserialize<WorkflowState>(WorkflowJson.Serialize(pending));

        var result = await _host.Runner.ContinueAsync(graph, committed);

        result.SubStatus.ShouldBe(WorkflowSubStatus.Finished);
        _host.Trace.Entries.ShouldBe(["a", "b"]);
    }
}

using ElsaM3.Workflows.Tests.Support;

namespace ElsaM3.Workflows.Tests.Journal;

/// <summary>Elsa's log persistence modes decide which inputs and outputs land in execution records (Elsa's own expectations).</summary>
public sealed class LogPersistenceTests : IDisposable
{
    private readonly WorkflowTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("activity-modes.json")]   // no workflow mode: Include; each activity's default and its 'text' mode
    [InlineData("workflow-exclude.json")] // workflow Exclude, inherited where an activity says Inherit or nothing
    public async Task Each_WriteLine_keeps_its_text_only_where_its_modes_say_so(string file)
    {
        var result = await _host.StartAsync(_host.Compile(FixtureFiles.Read("log-persistence", file)));

        var kept = result.ActivityExecutions.Where(r => r.ActivityType == "Elsa.WriteLine").OrderBy(r => r.ActivityId)
            .Select(r => r.ActivityState?.ContainsKey("Text") == true).ToList();
        kept.ShouldBe([true, false, true, false]);
        _host.Console.ToString().ShouldContain("line 4"); // excluded from the record, not from the run
    }

    [Fact]
    public async Task An_excluded_output_is_left_out_of_the_record_but_still_read_by_later_activities()
    {
        var json = new Flow()
            .Add("a", "Test.Record", ("label", Flow.Literal("secret")),
                ("customProperties", System.Text.Json.Nodes.JsonNode.Parse("""{"logPersistenceMode":{"default":"Include","outputs":{"result":"Exclude"}}}""")))
            .Add("b", "Test.Record", ("label", Flow.Expr("JavaScript", "getOutputFrom('a', 'Result')", "String")))
            .Chain("a", "b").Json();

        var result = await _host.StartAsync(_host.Compile(json));

        var a = result.ActivityExecutions.Single(r => r.ActivityId == "a");
        a.Outputs.ShouldNotBeNull().ShouldNotContainKey("Result");
        a.ActivityState!["Label"].ShouldBe("secret");
        _host.Trace.Entries.ShouldBe(["secret", "secret"]);
    }
}

using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.Tests.Support;

namespace ElsaM3.Workflows.Tests.Expressions;

/// <summary>Run JavaScript, Elsa's top-level <c>return</c>, and the C#/Python syntaxes ElsaM3 leaves out.</summary>
public sealed class ScriptingTests : IDisposable
{
    private readonly WorkflowTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task RunJavaScript_gives_the_scripts_value_as_result_and_routes_by_setOutcome()
    {
        var json = new Flow().Variable("Sum")
            .Add("js", "Elsa.RunJavaScript",
                ("script", Flow.Literal("var a = 40; var b = 2; if (a + b > 10) setOutcome('Big'); return a + b;")),
                ("possibleOutcomes", Flow.Expr("Object", "[\"Big\",\"Small\"]", "String[]")),
                ("result", System.Text.Json.Nodes.JsonNode.Parse("""{"typeName":"Object","memoryReference":{"id":"v-Sum"}}""")))
            .Record("big").Record("done").Connect("js", "big", "Big").Connect("js", "done")
            .Json();

        var result = await _host.StartAsync(_host.Compile(json));

        result.SubStatus.ShouldBe(WorkflowSubStatus.Finished);
        _host.Trace.Entries.ShouldBe(["big"]);
        result.State.Variables["v-Sum"].ShouldBe(42L);
    }

    [Fact]
    public async Task RunJavaScript_without_setOutcome_completes_with_Done_and_setOutcomes_gives_several()
    {
        var json = new Flow()
            .Add("one", "Elsa.RunJavaScript", ("script", Flow.Literal("1")))
            .Add("two", "Elsa.RunJavaScript", ("script", Flow.Expr("JavaScript", "setOutcomes(['A', 'B'])", "String")))
            .Record("a").Record("b").Chain("one", "two").Connect("two", "a", "A").Connect("two", "b", "B")
            .Json();

        await _host.StartAsync(_host.Compile(json));

        _host.Trace.Entries.ShouldBe(["a", "b"]);
    }

    [Fact]
    public async Task A_JavaScript_expression_may_end_in_a_top_level_return_as_in_Elsas_files()
    {
        await _host.StartAsync(_host.Compile(new Flow().Add("r", "Test.Record", ("label", Flow.Expr("JavaScript", "var x = 'ok'; return x;", "String"))).Json()));

        _host.Trace.Entries.ShouldBe(["ok"]);
    }

    [Theory]
    [InlineData("CSharp")]
    [InlineData("Python")]
    public async Task A_CSharp_or_Python_expression_faults_naming_the_activity_and_the_syntax(string syntax)
    {
        var result = await _host.StartAsync(_host.Compile(new Flow().Add("r", "Test.Record", ("label", Flow.Expr(syntax, "1 + 1", "String"))).Json()));

        result.SubStatus.ShouldBe(WorkflowSubStatus.Faulted);
        result.State.Incidents.Single().Message.ShouldStartWith($"Activity 'r', input 'Label': ");
        result.State.Incidents.Single().Message.ShouldContain($"Unknown expression syntax '{syntax}'");
    }

    [Theory]
    [InlineData("Elsa.RunCSharp")]
    [InlineData("Elsa.RunPython")]
    public async Task RunCSharp_and_RunPython_import_round_trip_and_fault_naming_the_activity(string type)
    {
        var json = new Flow().Add("script", type, ("script", Flow.Literal("return 1;"))).Json();
        var definition = _host.Serializer.Deserialize(json);
        System.Text.Json.Nodes.JsonNode.Parse(_host.Serializer.Serialize(definition))!["root"]!["activities"]![0]!["script"]!["expression"]!["value"]!
            .GetValue<string>().ShouldBe("return 1;");

        var result = await _host.StartAsync(_host.Compile(definition));

        result.State.Incidents.Single().Message.ShouldBe($"Activity 'script' has type '{type}', which this server does not know.");
    }

    [Fact]
    public async Task Elsas_generated_accessors_read_an_activitys_output_and_a_camelCase_variable()
    {
        var json = new Flow().Variable("counter", "Int32", "41")
            .Record("first")
            .Add("probe", "Test.Record", ("label", Flow.Expr("JavaScript", "getResultFromFirst() + ' ' + (getCounter() + 1)", "String")))
            .Chain("first", "probe").Json();

        await _host.StartAsync(_host.Compile(json));

        _host.Trace.Entries.ShouldBe(["first", "first 42"]);
    }
}

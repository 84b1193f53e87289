using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.Tests.Support;

namespace ElsaM3.Workflows.Tests.Expressions;

public sealed class ExpressionSyntaxTests : IDisposable
{
    private readonly WorkflowTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private const string CaseJson = """
        {"reference":"101004567890","caseType":"noise-nuisance",
         "fields":{"noise-type":{"value":"MUSIC","label":"Amplified music"},"noise-description":"Loud music","ongoing":true},
         "dates":{"created":"2025-03-14T22:47:00+00:00"},
         "person":{"forename":"Priya","surname":"Shah"},
         "address":{"uprn":"100091234567","postcode":"AN1 2BD"},
         "references":{"m3-worksheet":"WK/2025000123"}}
        """;

    /// <summary>Runs one Record activity whose label is the expression, and returns what it recorded.</summary>
    private async Task<(string? Label, WorkflowRunResult Result)> Evaluate(string syntax, string expression, Flow? flow = null, StartOptions? options = null)
    {
        flow ??= new Flow();
        flow.Add("probe", "Test.Record", ("label", Flow.Expr(syntax, expression, "String")));
        var result = await _host.StartAsync(_host.Compile(flow.Json()), options);
        return (_host.Trace.Entries.LastOrDefault(), result);
    }

    private Task<(string? Label, WorkflowRunResult Result)> EvaluateWithCase(string syntax, string expression) =>
        Evaluate(syntax, expression, new Flow().Variable("Case"), new StartOptions
        {
            Variables = new Dictionary<string, object?> { ["Case"] = System.Text.Json.JsonSerializer.Deserialize<object>(CaseJson, ElsaM3.Workflows.Serialization.WorkflowJson.StateOptions) },
        });

    [Fact]
    public async Task Literal_ReturnsValueAsWritten()
    {
        (await Evaluate("Literal", "EH")).Label.ShouldBe("EH");
    }

    [Fact]
    public async Task Object_ParsesJsonString()
    {
        var flow = new Flow().Add("fork", "Elsa.FlowFork", ("branches", Flow.Expr("Object", "[\"X\",\"Y\"]", "String[]")))
            .Record("x").Record("y").Connect("fork", "x", "X").Connect("fork", "y", "Y");

        await _host.StartAsync(_host.Compile(flow.Json()));

        _host.Trace.Entries.ShouldBe(["x", "y"]);
    }

    [Fact]
    public async Task Object_InvalidJson_FaultsWithPosition()
    {
        var flow = new Flow().Add("fork", "Elsa.FlowFork", ("branches", Flow.Expr("Object", "[\"X\",", "String[]")));

        var result = await _host.StartAsync(_host.Compile(flow.Json()));

        result.State.Incidents.Single().Message.ShouldStartWith("Activity 'fork', input 'Branches': Object expression failed at line 1, column");
    }

    [Fact]
    public async Task Variable_ReadsByNameOrJsonReference()
    {
        var flow = new Flow().Variable("Officer", "String", "Jo Smith");
        (await Evaluate("Variable", "Officer", flow)).Label.ShouldBe("Jo Smith");
        (await Evaluate("Variable", """{"id":"v-Officer","name":"Officer"}""", new Flow().Variable("Officer", "String", "Jo Smith"))).Label.ShouldBe("Jo Smith");
    }

    [Fact]
    public async Task Variable_Unknown_FaultsNamingIt()
    {
        var (_, result) = await Evaluate("Variable", "Nope");

        result.State.Incidents.Single().Message.ShouldBe("Activity 'probe', input 'Label': Variable expression failed: There is no variable 'Nope'.");
    }

    [Fact]
    public async Task Input_ReadsWorkflowInput()
    {
        var (label, _) = await Evaluate("Input", "Ward", options: new StartOptions { Input = new Dictionary<string, object?> { ["Ward"] = "Orchard" } });

        label.ShouldBe("Orchard");
    }

    [Fact]
    public async Task JavaScript_HasElsaAccessors()
    {
        var flow = new Flow().Variable("Count", "Int32", "2").Record("first");
        var script = "setCount(getCount() + 1); variables.Count = variables.Count * 10; " +
                     "[getCount(), getInput('Name'), getOutputFrom('first', 'Result'), getWorkflowInstanceId(), getCorrelationId()].join('|')";

        var (label, result) = await Evaluate("JavaScript", script, flow.Connect("first", "probe"),
            new StartOptions { InstanceId = "inst-1", CorrelationId = "corr-9", Input = new Dictionary<string, object?> { ["Name"] = "Priya" } });

        label.ShouldBe("30|Priya|first|inst-1|corr-9");
        result.State.Variables["v-Count"].ShouldBe(30);
    }

    [Fact]
    public async Task JavaScript_ReturnsObjectsAsPlainValues()
    {
        var flow = new Flow().Variable("Data").Add("set", "Elsa.SetVariable",
            ("variable", System.Text.Json.Nodes.JsonNode.Parse("""{"id":"v-Data","name":"Data"}""")),
            ("value", Flow.Expr("JavaScript", "({ ward: 'Orchard', bins: [1, 2] })")));

        var result = await _host.StartAsync(_host.Compile(flow.Json()));

        var data = result.State.Variables["v-Data"].ShouldBeOfType<Dictionary<string, object?>>();
        data["ward"].ShouldBe("Orchard");
        data["bins"].ShouldBe(new List<object?> { 1L, 2L });
    }

    [Fact]
    public async Task JavaScript_RuntimeError_NamesActivityInputLineAndColumn()
    {
        var (_, result) = await Evaluate("JavaScript", "var a = 1;\n  nope.x");

        result.State.Incidents.Single().Message.ShouldBe("Activity 'probe', input 'Label': JavaScript expression failed at line 2, column 3: nope is not defined");
    }

    [Fact]
    public async Task JavaScript_SyntaxError_HasPosition()
    {
        var (_, result) = await Evaluate("JavaScript", "1 +\n (2 * ;");

        var message = result.State.Incidents.Single().Message;
        message.ShouldStartWith("Activity 'probe', input 'Label': JavaScript expression failed at line 2");
    }

    [Fact]
    public async Task JavaScript_EndlessLoop_IsStoppedByLimits()
    {
        var (_, result) = await Evaluate("JavaScript", "while (true) {}");

        result.SubStatus.ShouldBe(WorkflowSubStatus.Faulted);
        result.State.Incidents.Single().Message.ShouldMatch("ran (longer than|more than)");
    }

    [Fact]
    public async Task JavaScript_MemoryHog_IsStoppedByLimits()
    {
        var (_, result) = await Evaluate("JavaScript", "var a = []; for (var i = 0; i < 50000000; i++) { a.push('xxxxxxxxxxxxxxxxxxxxxxxx' + i); }");

        result.SubStatus.ShouldBe(WorkflowSubStatus.Faulted);
    }

    [Fact]
    public async Task Liquid_SeesVariablesAndIds()
    {
        var flow = new Flow().Variable("Attempt", "Int32", "3");

        var (label, _) = await Evaluate("Liquid", "Attempt {{ Variables.Attempt }} of {{ WorkflowInstanceId }}", flow, new StartOptions { InstanceId = "i-7" });

        label.ShouldBe("Attempt 3 of i-7");
    }

    [Fact]
    public async Task Scriban_SeesCasePartsAtRoot()
    {
        var (label, _) = await EvaluateWithCase("Scriban",
            "{{ reference }}|{{ fields[\"noise-type\"] }}|{{ labels[\"noise-type\"] }}|{{ person.surname }}|{{ address.uprn }}|{{ references[\"m3-worksheet\"] }}|{{ Case.caseType }}|{{ dates.created }}");

        label.ShouldBe("101004567890|MUSIC|Amplified music|Shah|100091234567|WK/2025000123|noise-nuisance|2025-03-14T22:47:00+00:00");
    }

    [Fact]
    public async Task Scriban_SeesVariables()
    {
        var (label, _) = await Evaluate("Scriban", "{{ Variables.Officer | string.upcase }}", new Flow().Variable("Officer", "String", "Jo"));

        label.ShouldBe("JO");
    }

    [Fact]
    public async Task Scriban_ParseError_HasLineAndColumn()
    {
        var (_, result) = await EvaluateWithCase("Scriban", "Line one\n{{ fields[ }}");

        result.State.Incidents.Single().Message.ShouldStartWith("Activity 'probe', input 'Label': Scriban expression failed at line 2, column");
    }

    [Fact]
    public async Task Scriban_RuntimeError_HasLineAndColumn()
    {
        var (_, result) = await EvaluateWithCase("Scriban", "ok\n{{ \"a\" | string.nope }}");

        result.State.Incidents.Single().Message.ShouldStartWith("Activity 'probe', input 'Label': Scriban expression failed at line 2, column");
    }

    [Fact]
    public async Task UnknownSyntax_FaultsListingKnownOnes()
    {
        var (_, result) = await Evaluate("Python", "1");

        var message = result.State.Incidents.Single().Message;
        message.ShouldContain("Unknown expression syntax 'Python'");
        message.ShouldContain("Scriban");
    }
}

using System.Diagnostics;
using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.Primitives;
using ElsaM3.Workflows.Tests.Support;

namespace ElsaM3.Workflows.Tests.Expressions;

/// <summary>Scripts and templates hold their limits against single huge allocations, runaway regexes and data posing as code.</summary>
public sealed class HostileScriptTests : IDisposable
{
    private readonly WorkflowTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private async Task<(string? Label, WorkflowRunResult Result)> EvaluateAsync(string syntax, string expression, Flow? flow = null, StartOptions? options = null)
    {
        flow ??= new Flow();
        flow.Add("probe", "Test.Record", ("label", Flow.Expr(syntax, expression, "String")));
        var result = await _host.StartAsync(_host.Compile(flow.Json()), options);
        return (_host.Trace.Entries.LastOrDefault(), result);
    }

    [Theory]
    [InlineData("'x'.repeat(268435456).length")]
    [InlineData("'x'.padEnd(268435456).length")]
    [InlineData("'x'.padStart(1e9).length")]
    public async Task AStringBeyondTheMemoryLimitInOneCall_IsARangeError(string script)
    {
        var before = GC.GetTotalAllocatedBytes();
        var (_, result) = await EvaluateAsync("JavaScript", script);

        result.State.Incidents.Single().Message.ShouldContain("Invalid string length");
        (GC.GetTotalAllocatedBytes() - before).ShouldBeLessThan(64L * 1024 * 1024);
    }

    [Fact]
    public async Task AnArrayBeyondTheLimitInOneCall_Faults()
    {
        var (_, result) = await EvaluateAsync("JavaScript", "new Array(1e9).fill(0).length");

        result.State.Incidents.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ReasonableStrings_StillWork() =>
        (await EvaluateAsync("JavaScript", "'ab'.repeat(3) + 'x'.padStart(3, '-')")).Label.ShouldBe("ababab--x");

    [Fact]
    public async Task ARunawayRegularExpression_StopsAtTheScriptTimeout()
    {
        var started = Stopwatch.GetTimestamp();
        var (_, result) = await EvaluateAsync("JavaScript", "/^(a+)+$/.test('a'.repeat(40) + 'b') ? 'matched' : 'no'");

        result.State.Incidents.Single().Message.ShouldContain("regular expression ran longer than 500 ms");
        Stopwatch.GetElapsedTime(started).ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData("{{ '1 + 1' | object.eval }}", "2")]
    [InlineData("{{ 'x{{ 1 + 1 }}' | object.eval_template }}", "x2")]
    public async Task ScribanHelpersThatCompileData_AreOff(string template, string evaluated)
    {
        var (label, result) = await EvaluateAsync("Scriban", template);

        label.ShouldNotBe(evaluated);
        result.State.Incidents.Single().Message.ShouldContain("object.eval");
    }

    [Fact]
    public async Task ACaseKeyNamedLikeARootName_DoesNotShadowIt()
    {
        var forged = new Dictionary<string, object?>
        {
            ["reference"] = "R1", ["WorkflowInstanceId"] = "forged-instance", ["Variables"] = "forged-variables", ["CorrelationId"] = "forged-correlation",
            ["Input"] = "forged-input", ["WorkflowDefinitionId"] = "forged-definition",
        };
        var (label, _) = await EvaluateAsync("Scriban", "{{ WorkflowInstanceId }}|{{ WorkflowDefinitionId }}|{{ Input }}|{{ Variables.Case.reference }}|{{ CorrelationId }}|{{ reference }}", new Flow().Variable("Case"),
            new StartOptions { CorrelationId = "real-correlation", Variables = new Dictionary<string, object?> { ["Case"] = forged } });

        label.ShouldNotBeNull();
        label.ShouldNotContain("forged");
        label.ShouldEndWith("|{}|R1|real-correlation|R1");
    }

    [Fact]
    public async Task TheJsonFunction_QuotesDataSoItCannotRewriteTheAnswer()
    {
        var @case = new Dictionary<string, object?> { ["reference"] = "x\", \"status\": \"rejected" };
        var (label, _) = await EvaluateAsync("Scriban", """{{ {"case": reference, "status": "accepted"} | json }}""", new Flow().Variable("Case"),
            new StartOptions { Variables = new Dictionary<string, object?> { ["Case"] = @case } });

        var parsed = System.Text.Json.JsonDocument.Parse(label!).RootElement;
        parsed.GetProperty("status").GetString().ShouldBe("accepted");
        parsed.GetProperty("case").GetString().ShouldBe("x\", \"status\": \"rejected");
    }

    [Fact]
    public async Task WriteLine_EscapesLineBreaks_SoDataCannotForgeALogLine()
    {
        var flow = new Flow().Add("w", "Elsa.WriteLine", ("text", Flow.Expr("Literal", "x\nfail: forged\r\u001b[31m", "String")));

        await _host.StartAsync(_host.Compile(flow.Json()));

        _host.Console.ToString().ShouldContain("x\\nfail: forged\\r\\u001b[31m");
        _host.Console.ToString().ShouldNotContain("\nfail:");
    }

    [Fact]
    public void LogText_EscapesEveryControlCharacter_AndLeavesTextAlone()
    {
        LogText.Escape("plain text, ünïcødé").ShouldBe("plain text, ünïcødé");
        LogText.Escape("a\tb\u0000c\u007f").ShouldBe("a\\tb\\u0000c\\u007f");
        LogText.Escape(null).ShouldBe("");
    }
}

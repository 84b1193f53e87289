using ElsaM3.Workflows.Expressions;
using ElsaM3.Workflows.Scriban;
using ElsaM3.Workflows.Tests.Support;

namespace ElsaM3.Workflows.Tests.Expressions;

/// <summary>
/// Templates are held like scripts: time, memory, output and loop limits, the engine's cancellation, builtins nobody can
/// change for anyone else, and case keys that never hide a builtin.
/// </summary>
public sealed class ScribanBudgetTests
{
    private static ScribanEvaluator Evaluator(TemplateOptions? limits = null, IExpressionModelContributor? contributor = null) =>
        new(contributor is null ? [] : [contributor], [], Microsoft.Extensions.Options.Options.Create(limits ?? new TemplateOptions()));

    private static async Task<string?> Render(ScribanEvaluator evaluator, string template, CancellationToken cancellationToken = default) =>
        (string?)await evaluator.EvaluateAsync(new Expression("Scriban", System.Text.Json.Nodes.JsonValue.Create(template)), typeof(string),
            new ExpressionContext(new StringVariables([])), cancellationToken);

    [Fact]
    public async Task A_template_that_sets_a_builtin_changes_nothing_for_later_renders()
    {
        var evaluator = Evaluator();
        var before = await Render(evaluator, "{{ date.now | date.to_string '%Y' }}|{{ date.format }}");

        await Should.ThrowAsync<ExpressionException>(async () => await Render(evaluator, "{{ date.format = '%Y TAMPERED' }}"));
        await Should.ThrowAsync<ExpressionException>(async () => await Render(evaluator, "{{ string.upcase = 'x' }}"));

        (await Render(evaluator, "{{ date.now | date.to_string '%Y' }}|{{ date.format }}")).ShouldBe(before);
        (await Render(evaluator, "{{ date.now }}") ?? "").ShouldNotContain("TAMPERED");
        (await Render(evaluator, "{{ 'a' | string.upcase }}")).ShouldBe("A");
    }

    [Fact]
    public async Task Case_keys_named_like_builtins_do_not_hide_them()
    {
        var evaluator = Evaluator(contributor: new CaseKeys(new() { ["date"] = "not a date", ["string"] = "not functions", ["person"] = "Jo" }));

        (await Render(evaluator, "{{ 'a' | string.upcase }}-{{ date.now | date.to_string '%Y' | string.size }}-{{ person }}")).ShouldBe("A-4-Jo");
    }

    [Fact]
    public async Task A_template_that_allocates_past_its_memory_limit_fails_naming_the_limit()
    {
        var evaluator = Evaluator(new TemplateOptions { MaxMemoryBytes = 4 * 1024 * 1024 });
        var kilobyte = new string('x', 1024);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var failure = await Should.ThrowAsync<ExpressionException>(async () =>
            await Render(evaluator, "{{ s = '' }}{{ for i in 1..5000 }}{{ s = s + '" + kilobyte + "' }}{{ end }}{{ s | string.size }}"));

        failure.Message.ShouldContain("ElsaM3:Templates:MaxMemoryBytes");
        // Stopped soon after the limit: the whole loop would allocate about 25 GB.
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan(64L * 1024 * 1024);
    }

    /// <summary>2^40 calls, no loop: only time stops it.</summary>
    private const string Exponential = "{{ func f\n if $0 > 0\n f($0 - 1)\n f($0 - 1)\n end\n end }}{{ f 40 }}";

    [Fact]
    public async Task A_template_that_runs_past_its_time_limit_fails_naming_the_limit()
    {
        var evaluator = Evaluator(new TemplateOptions { Timeout = TimeSpan.FromMilliseconds(200), MaxMemoryBytes = long.MaxValue });
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var failure = await Should.ThrowAsync<ExpressionException>(async () => await Render(evaluator, Exponential));

        failure.Message.ShouldContain("ElsaM3:Templates:Timeout");
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_cancelled_render_stops_at_once()
    {
        var evaluator = Evaluator(new TemplateOptions { Timeout = TimeSpan.FromMinutes(5), MaxMemoryBytes = long.MaxValue });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Should.ThrowAsync<OperationCanceledException>(async () =>
            await Render(evaluator, Exponential, cancel.Token));
    }

    [Fact]
    public async Task Output_and_loops_are_limited()
    {
        var evaluator = Evaluator(new TemplateOptions { MaxOutputCharacters = 1000, LoopLimit = 50 });

        await Should.ThrowAsync<ExpressionException>(async () => await Render(evaluator, "{{ for i in 1..40 }}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx{{ end }}"));
        await Should.ThrowAsync<ExpressionException>(async () => await Render(evaluator, "{{ for i in 1..51 }}{{ end }}"));
        (await Render(evaluator, "{{ for i in 1..50 }}{{ end }}ok")).ShouldBe("ok");
    }

    private sealed class CaseKeys(Dictionary<string, object?> keys) : IExpressionModelContributor
    {
        public void Contribute(ExpressionContext context, IDictionary<string, object?> model)
        {
            foreach (var (key, value) in keys) model[key] = value;
        }
    }
}

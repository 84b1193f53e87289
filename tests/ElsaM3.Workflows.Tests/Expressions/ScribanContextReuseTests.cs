using ElsaM3.Workflows.Expressions;
using ElsaM3.Workflows.Scriban;
using ElsaM3.Workflows.Tests.Support;

namespace ElsaM3.Workflows.Tests.Expressions;

/// <summary>
/// The Scriban evaluator reuses one render context per thread. Evaluations here complete synchronously, so they all
/// run on the test's thread and really do share that context.
/// </summary>
public sealed class ScribanContextReuseTests
{
    private readonly ScribanEvaluator _evaluator = new([], [], Microsoft.Extensions.Options.Options.Create(new TemplateOptions()));

    private async Task<string?> Render(string template, string officer, IDictionary<object, object>? sharedModels = null) =>
        (string?)await _evaluator.EvaluateAsync(new Expression("Scriban", System.Text.Json.Nodes.JsonValue.Create(template)), typeof(string),
            new ExpressionContext(new StringVariables(new() { ["Officer"] = officer })) { SharedModels = sharedModels }, CancellationToken.None);

    [Fact]
    public async Task Renders_sharing_a_model_see_the_model_as_built_not_what_an_earlier_template_assigned()
    {
        var shared = new Dictionary<object, object>();

        (await Render("{{ Variables = \"replaced\" }}{{ leaked = 1 }}{{ Variables }}", "Jo", shared)).ShouldBe("replaced");
        shared.Count.ShouldBe(1); // the model was kept for the next template of the batch

        (await Render("[{{ leaked }}][{{ Variables.Officer }}]", "ignored: the shared model is used", shared)).ShouldBe("[][Jo]");
    }

    [Fact]
    public async Task Renders_OneAfterAnother_ShareNoAssignmentOrModel()
    {
        (await Render("{{ leaked = \"yes\" }}{{ Variables.Officer }}", "Jo")).ShouldBe("Jo");

        (await Render("[{{ leaked }}][{{ Variables.Officer }}]", "Sam")).ShouldBe("[][Sam]");
    }

    [Fact]
    public async Task Render_AfterAFailedRender_StartsClean()
    {
        await Should.ThrowAsync<ExpressionException>(async () => await Render("{{ leaked = 1 }}{{ for i in 1..3 }}{{ \"a\" | string.nope }}{{ end }}", "Jo"));

        (await Render("[{{ leaked }}]{{ Variables.Officer }}", "Al")).ShouldBe("[]Al");
    }
}

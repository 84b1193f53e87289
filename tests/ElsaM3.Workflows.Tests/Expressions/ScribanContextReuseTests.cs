using ElsaM3.Workflows.Definitions;
using ElsaM3.Workflows.Expressions;
using ElsaM3.Workflows.Scriban;

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
            new ExpressionContext(new Memory(officer)) { SharedModels = sharedModels }, CancellationToken.None);

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

    private sealed class Memory(string officer) : IWorkflowMemory
    {
        public string WorkflowInstanceId => "i-1";
        public string WorkflowDefinitionId => "d-1";
        public string? CorrelationId { get; set; }
        public IReadOnlyList<VariableDefinition> VariableDefinitions { get; } = [new VariableDefinition { Id = "officer", Name = "Officer", TypeName = "String" }];

        public bool TryGetVariable(string name, out object? value)
        {
            value = name == "Officer" ? officer : null;
            return name == "Officer";
        }

        public void SetVariable(string nameOrId, object? value) => throw new NotSupportedException();
        public IDictionary<string, object?> Input { get; } = new Dictionary<string, object?>();
        public IDictionary<string, object?> Output { get; } = new Dictionary<string, object?>();
        public object? GetActivityOutput(string activityNameOrId, string outputName) => null;
        public object? LastResult => null;
        public IDictionary<object, object> RunItems { get; } = new Dictionary<object, object>();
    }
}

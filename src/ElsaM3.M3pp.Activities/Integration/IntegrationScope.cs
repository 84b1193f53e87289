using ElsaM3.Cases;
using ElsaM3.M3pp.Identifiers;
using ElsaM3.Runtime.IntegrationLog;
using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Expressions;

namespace ElsaM3.M3pp.Activities.Integration;

/// <summary>
/// One M3 activity's view of its run: the workflow's case and the rendering of its mappings. Rendering collects
/// problems as validation reasons that name the mapping (template errors with line and column) instead of throwing.
/// </summary>
public sealed class IntegrationScope(ActivityContext context)
{
    public ActivityContext Context { get; } = context;
    public List<string> Problems { get; } = [];

    public IDictionary<string, object?>? Case => CaseExpressionModel.FindCase(Context.Memory);

    public string? CaseReference => Case?.TryGetValue("reference", out var r) == true ? r?.ToString() : null;

    public string? CaseType => Case?.TryGetValue("caseType", out var t) == true ? t?.ToString() : null;

    /// <summary>The value stored in one of the case's References, if any.</summary>
    public string? ReferenceValue(string name) =>
        Case?.TryGetValue("references", out var references) == true && references is IDictionary<string, object?> map
        && map.TryGetValue(name, out var value) && value?.ToString() is { Length: > 0 } text ? text : null;

    /// <summary>Stores a value in one of the workflow case's References (the CXM case is updated separately).</summary>
    public void SetReferenceValue(string name, string value) => SetOnCase("references", new Dictionary<string, string?> { [name] = value });

    /// <summary>Sets fields on the workflow's case.</summary>
    public void SetFields(IReadOnlyDictionary<string, string?> fields) => SetOnCase("fields", fields);

    /// <summary>Sets entries of one part of the workflow's case (<c>fields</c> or <c>references</c>) and stores the case.</summary>
    private void SetOnCase(string part, IReadOnlyDictionary<string, string?> values)
    {
        if (Case is not { } @case) return;
        if (!@case.TryGetValue(part, out var existing) || existing is not IDictionary<string, object?> map)
            @case[part] = map = new Dictionary<string, object?>();
        foreach (var (name, value) in values) map[name] = value;
        if (Context.Memory.TryGetVariable(CaseExpressionModel.VariableName, out _)) Context.Memory.SetVariable(CaseExpressionModel.VariableName, @case);
    }

    /// <summary>Renders one mapping (trimmed); <c>null</c> when it is empty or failed (the failure is recorded).</summary>
    public async ValueTask<string?> RenderAsync(DeferredExpression? mapping, string name, CancellationToken cancellationToken)
    {
        if (mapping is null || mapping.IsEmpty) return null;
        if (IsTemplateInLiteral(mapping.Expression))
        {
            Problems.Add($"mapping '{name}' looks like a template but the syntax is Literal: choose Scriban in its syntax menu.");
            return null;
        }
        if (mapping.Expression.Type == "Literal") return Blank(mapping.Expression.Text);
        var failuresBefore = Problems.Count;
        var rendered = await RenderAsync(mapping.Expression, name, cancellationToken);
        if (mapping.InputName is { } input && Problems.Count == failuresBefore) Context.RecordEvaluatedInput(input, rendered ?? "");
        return rendered;
    }

    /// <summary>Renders a template string (a mapping row's value) as Scriban.</summary>
    public ValueTask<string?> RenderTemplateAsync(string? template, string name, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(template) ? ValueTask.FromResult<string?>(null)
        : !template.Contains("{{") ? ValueTask.FromResult(Blank(template))
        : RenderAsync(new Expression("Scriban", System.Text.Json.Nodes.JsonValue.Create(template)), name, cancellationToken);

    /// <summary>Renders a mandatory mapping: an empty value is a validation failure naming it.</summary>
    public async ValueTask<string?> RequiredAsync(DeferredExpression? mapping, string name, CancellationToken cancellationToken)
    {
        var failuresBefore = Problems.Count;
        var value = await RenderAsync(mapping, name, cancellationToken);
        if (value is null && Problems.Count == failuresBefore) Problems.Add($"mandatory mapping '{name}' resolved to an empty value.");
        return value;
    }

    public void Problem(string message) => Problems.Add(message);

    /// <summary>Why an activity that needs the workflow's case cannot run without one.</summary>
    public const string NoCaseProblem = "the workflow has no case: start it with CXM Case Received (or bind an HTTP Endpoint's Parsed Content to a variable named 'Case').";

    /// <summary>
    /// The value a case Reference holds when it is a valid <typeparamref name="TKey"/> (a worksheet reference or asset
    /// key); otherwise <c>null</c> with the problem recorded: no Reference chosen (<paramref name="whatFor"/> says what
    /// the record is wanted for), no case, an empty Reference (<paramref name="whenEmpty"/>), or a malformed value.
    /// </summary>
    public string? ReferencedValue<TKey>(string? referenceName, string whatFor, string whenEmpty) where TKey : struct, IPatternIdentifier<TKey>
    {
        string? value = null;
        if (string.IsNullOrWhiteSpace(referenceName)) Problem($"mandatory mapping 'Reference' is empty: choose the Reference whose record to {whatFor}.");
        else if (Case is null) Problem(NoCaseProblem);
        else if ((value = ReferenceValue(referenceName)) is null) Problem($"Reference '{referenceName}' is empty on the case: {whenEmpty}.");
        else if (!PatternIdentifier.TryParse<TKey>(value, out _, out var problem)) Problem($"Reference '{referenceName}': {problem}.");
        else return value;
        return null;
    }

    /// <summary>An integration log entry about this activity and its case; the caller adds what happened.</summary>
    public IntegrationLogEntry LogEntry(TimeProvider time, string operation, IntegrationOutcome outcome) => new()
    {
        Id = Ids.New(),
        Timestamp = time.GetUtcNow(),
        CaseReference = CaseReference,
        CaseType = CaseType,
        WorkflowDefinitionId = Context.WorkflowDefinitionId,
        WorkflowInstanceId = Context.WorkflowInstanceId,
        ActivityId = Context.ActivityId,
        ActivityName = Context.ActivityName,
        Operation = operation,
        Outcome = outcome,
        CorrelationId = Context.CorrelationId,
    };

    /// <summary>A mapping typed as a template (<c>{{</c>) into a box set to Literal: refused at run time, warned of at publish.</summary>
    public static bool IsTemplateInLiteral(Expression? expression) =>
        expression is { Type: "Literal" } && expression.Text?.Contains("{{", StringComparison.Ordinal) == true;

    /// <summary>Checks that a rendered value is an M3 code (1–10 of A-Z, 0-9, _); returns it either way.</summary>
    public string? Code(string? value, string mapping)
    {
        if (value is not null && !ElsaM3.M3pp.Identifiers.PatternIdentifier.TryParse<ElsaM3.M3pp.Identifiers.M3Code>(value, out _, out var error))
            Problem($"mapping '{mapping}': {error}.");
        return value;
    }

    private async ValueTask<string?> RenderAsync(Expression expression, string name, CancellationToken cancellationToken)
    {
        try
        {
            var value = await Context.EvaluateAsync(expression, typeof(string), name, cancellationToken);
            return Blank(value?.ToString());
        }
        catch (ExpressionException e)
        {
            var inner = e.InnerException as ExpressionException ?? e;
            var position = e.Line is { } line ? $" at line {line}, column {e.Column ?? 0}" : "";
            Problems.Add($"mapping '{name}': template error{position}: {inner.Message}");
            return null;
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

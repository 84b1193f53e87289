using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Http;
using Microsoft.AspNetCore.Http;
using ElsaM3.Workflows.Bookmarks;
using ElsaM3.Workflows.Http.Triggers;

namespace ElsaM3.Cases.Http;

/// <summary>
/// Starts a rule workflow when CXM posts a case to <c>/workflows/{path}</c>: only a caller meeting the policy may post,
/// the case is checked before anything starts (400 naming the field), then bound as the workflow's case (templates
/// see it at once, no variable wiring), the correlation id set to the case reference, and the caller answered
/// 202 with the instance id unless a Write HTTP Response answers first.
/// </summary>
[Activity("ElsaM3.Cxm", IntegrationCategory.Name,
    "Start the workflow when CXM posts a case (POST /workflows/{path}); the case is checked, then visible to every template as fields, dates, person, address and references.",
    DisplayName = "CXM Case Received", TypeName = "CaseReceived", Kind = ActivityKind.Trigger)]
public sealed class CxmCaseReceived : Trigger<CxmCaseReceivedInput, CxmCaseReceivedOutput>, IHttpBodyCheck
{
    private const string Method = "POST";

    public override IReadOnlyList<BookmarkRequest> GetTriggers(CxmCaseReceivedInput input) =>
        [new BookmarkRequest(HttpEndpoint.StimulusName, Rules(input).AddTo(HttpEndpoint.Payload(input.Path, Method)))];

    IReadOnlyList<string> IHttpBodyCheck.CheckBody(object? body) => CheckBody(body);

    private static IReadOnlyList<string> CheckBody(object? body) => CaseCheck.Problems(body);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CxmCaseReceivedInput input, CancellationToken cancellationToken)
    {
        if (context.IsDryRun) return ValueTask.FromResult(DryRun(context));
        if (!context.IsTriggerOfWorkflow || context.Stimulus is not HttpRequestData { Body: IDictionary<string, object?> @case })
            throw new InvalidOperationException("CXM Case Received only starts a workflow: tick 'Trigger workflow' on it and post the case to its path.");
        var reference = (string)@case["reference"]!;
        context.Memory.Input[CaseExpressionModel.VariableName] = @case;
        if (context.Memory.TryGetVariable(CaseExpressionModel.VariableName, out _)) context.Memory.SetVariable(CaseExpressionModel.VariableName, @case);
        context.CorrelationId = reference;
        CaseMetrics.Accepted.Add(1, new KeyValuePair<string, object?>("case_type", @case.TryGetValue("caseType", out var type) ? type?.ToString() : null));
        if (context.Transient.TryGetValue(HttpTransient.HttpContext, out var live) && live is HttpContext http)
            http.Items[HttpTransient.AcceptedAnswer] = new Dictionary<string, object?>
            {
                ["workflowInstanceId"] = context.WorkflowInstanceId,
                ["caseReference"] = reference,
                ["status"] = "accepted",
            };
        return ValueTask.FromResult(Done(new CxmCaseReceivedOutput { Case = @case, CaseReference = reference }));
    }

    /// <summary>Studio's Test tab: checks the chosen test case as a posted one would be checked.</summary>
    private static ActivityResult DryRun(ActivityContext context)
    {
        var @case = CaseExpressionModel.FindCase(context.Memory);
        if (CheckBody(@case) is { Count: > 0 } problems) throw new InvalidOperationException("The test case would be refused with 400: " + string.Join(" ", problems));
        return Done(new CxmCaseReceivedOutput { Case = @case, CaseReference = (string)@case!["reference"]! });
    }

    /// <summary>A case always comes from a known caller: the policy defaults to the CXM application's.</summary>
    private static HttpEndpointRules Rules(CxmCaseReceivedInput input) =>
        new(Authorize: true, string.IsNullOrWhiteSpace(input.Policy) ? null : input.Policy.Trim(), RequestSizeLimit: null);
}

public sealed class CxmCaseReceivedInput
{
    [Input(Description = "The path under /workflows that CXM posts the case to, e.g. cases/fly-tipping.", Order = 1)]
    public string? Path { get; set; }

    [Input(Description = "Who may post cases here: the policy or role the caller needs (cxm for the CXM application's API key). Empty: any signed-in caller or application.", Order = 2)]
    public string? Policy { get; set; } = "cxm";
}

public sealed class CxmCaseReceivedOutput
{
    [Output(Description = "The case as CXM sent it.")]
    public IDictionary<string, object?>? Case { get; set; }

    [Output(DisplayName = "Case reference", Description = "The CXM case reference (also the workflow instance's correlation id).")]
    public string? CaseReference { get; set; }
}

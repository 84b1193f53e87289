using System.Globalization;
using ElsaM3.M3pp.Activities.Retry;
using ElsaM3.M3pp.Activities.Settings;
using ElsaM3.M3pp.Errors;
using ElsaM3.M3pp.Gateways;
using ElsaM3.Runtime.IntegrationLog;
using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Bookmarks;

namespace ElsaM3.M3pp.Activities.Integration;

/// <summary>
/// The life of every M3 activity. Execute checks the mappings (an invalid one ends <c>Invalid</c> with every reason,
/// no call made) and suspends on a due timer bookmark, so the HTTP trigger answers at once. The scheduler resumes it
/// in the background: each resume is one attempt. A transient failure suspends again until the next delay (the
/// attempt count lives in the activity's persisted state, so a restart carries on where it was); after the last
/// attempt (<see cref="AttemptDecision"/> decides) the activity ends <c>Failed</c> when that port is connected, otherwise the workflow faults; an
/// <c>Invalid</c> result with its port unconnected faults it too, so no failure ends in a green instance.
/// </summary>
[Outcomes(DoneOutcome, InvalidOutcome, FailedOutcome)]
[Resilient(M3ppResilienceStrategies.Category)]
public abstract class M3IntegrationActivity<TInput, TRequest>(M3ppServices services) : Activity<TInput, IntegrationOutput> where TInput : new()
{
    public const string DoneOutcome = M3Outcomes.Done;
    public const string InvalidOutcome = M3Outcomes.Invalid;
    public const string FailedOutcome = M3Outcomes.Failed;
    public const string BookmarkName = "ElsaM3.M3ppIntegration";
    private const string AttemptsKey = "attempts";
    private const string StartedKey = "startedAt";
    private const string PreparedKey = "prepared";

    protected M3ppServices Services { get; } = services;

    /// <summary>The operation named in the integration log, e.g. <c>CreateWorksheet</c>.</summary>
    protected abstract string Operation { get; }

    /// <summary>
    /// Renders and checks the mappings into the request an attempt sends; problems go to
    /// <see cref="IntegrationScope.Problems"/> (the request is then not sent).
    /// </summary>
    protected abstract ValueTask<TRequest> PrepareAsync(IntegrationScope scope, TInput input, M3ppSettings settings, CancellationToken cancellationToken);

    /// <summary>Called once the mappings are valid: a create whose Reference is already set answers here without a call.</summary>
    protected virtual CallResult? Shortcut(IntegrationScope scope, TInput input) => null;

    /// <summary>One attempt with the request prepared for it: calls M3 and writes back onto the case.</summary>
    protected abstract Task<CallResult> AttemptAsync(IntegrationScope scope, TInput input, TRequest request, M3ppSettings settings, CancellationToken cancellationToken);

    /// <summary>
    /// The request a dry run asks M3 to validate without effect; <c>null</c> when this activity only reads (its
    /// dry run then checks the mappings locally).
    /// </summary>
    protected virtual DryRunRequest? DryRunOf(TRequest request) => null;

    public sealed override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, TInput input, CancellationToken cancellationToken)
    {
        var scope = new IntegrationScope(context);
        if (context.IsDryRun) return await DryRunAsync(scope, input, cancellationToken);
        var prepared = await CheckAndPrepareAsync(scope, input, cancellationToken);
        if (scope.Problems.Count > 0) return await InvalidAsync(scope, scope.Problems, 0, null, cancellationToken);
        if (Shortcut(scope, input) is CallResult.Succeeded existing)
        {
            Log(scope, IntegrationOutcome.AlreadyExists, 0, existing, [$"Reference already set to {existing.ExternalReference}; nothing created."]);
            return Outcome(DoneOutcome, existing.Output);
        }
        context.Properties[AttemptsKey] = 0;
        context.Properties[StartedKey] = context.Now.ToString("O");
        // The first attempt usually follows at once in this process: it sends what was just rendered and checked.
        context.Scratch[PreparedKey] = prepared;
        return Suspend(context.Now);
    }

    public sealed override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, TInput input, CancellationToken cancellationToken)
    {
        var scope = new IntegrationScope(context);
        var attempts = Convert.ToInt32(context.Properties.TryGetValue(AttemptsKey, out var a) ? a : 0, CultureInfo.InvariantCulture) + 1;
        context.Properties[AttemptsKey] = attempts;
        var (settings, request) = await PreparedAsync(scope, input, cancellationToken);
        if (scope.Problems.Count > 0) return await InvalidAsync(scope, scope.Problems, attempts - 1, null, cancellationToken);

        CallResult result;
        using (var span = M3Metrics.Source.StartActivity("m3.attempt"))
        {
            span?.SetTag("elsam3.m3.operation", Operation).SetTag("elsam3.m3.attempt", attempts).SetTag("elsam3.workflow.instance_id", context.WorkflowInstanceId);
            result = await AttemptAsync(scope, input, request!, settings, cancellationToken);
            span?.SetTag("elsam3.m3.result", Describe(result));
        }
        context.Journal("Attempt", $"{Operation} attempt {attempts}: {Describe(result)}", new Dictionary<string, object?> { ["attempt"] = attempts, ["httpStatus"] = result.HttpStatus });
        switch (AttemptDecision.After(result, attempts, Services.Retry))
        {
            case AttemptDecision.Done { Success: var success }:
                success.Output.Attempts = attempts;
                Log(scope, success.AlreadyExisted ? IntegrationOutcome.AlreadyExists : IntegrationOutcome.Success, attempts, success, []);
                return Outcome(DoneOutcome, success.Output);
            case AttemptDecision.Invalid invalid:
                return await InvalidAsync(scope, invalid.Reasons, attempts, result, cancellationToken);
            case AttemptDecision.RetryAfter { Delay: var delay, Failure: var failed }:
                RecordRetry(context, attempts, delay, failed);
                Log(scope, IntegrationOutcome.Retrying, attempts, failed,
                    [$"Attempt {attempts} failed ({failed.Stage}): {failed.Error.Message}; retrying in {delay}."]);
                return Suspend(context.Now + delay);
            case AttemptDecision.GiveUp { Reason: var reason, Failure: var failed }:
                Log(scope, IntegrationOutcome.Failed, attempts, failed, [reason]);
                if (context.IsOutcomeConnected(FailedOutcome))
                    return Outcome(FailedOutcome, new IntegrationOutput { Errors = [reason], Attempts = attempts });
                throw new M3IntegrationFailedException(reason);
            default:
                throw new InvalidOperationException($"Unknown decision for {result}.");
        }
    }

    /// <summary>
    /// Studio's Test tab: renders and checks the mappings, then asks M3 to validate the request without creating or
    /// changing anything (local checks only when the connection has no validate-only call). Nothing is logged or
    /// written to the case; the record shows the rendered inputs, the request and every validation message.
    /// </summary>
    private async ValueTask<ActivityResult> DryRunAsync(IntegrationScope scope, TInput input, CancellationToken cancellationToken)
    {
        var (_, request) = await CheckAndPrepareAsync(scope, input, cancellationToken);
        var context = scope.Context;
        if (request is not null) context.RecordEvaluatedInput("Request", request);
        List<string> messages = [.. scope.Problems];
        object? wouldBe = null;
        if (messages.Count == 0 && request is not null && DryRunOf(request) is { } dryRun)
        {
            var checkedByM3 = await Services.M3.DryRunAsync(dryRun, cancellationToken);
            if (checkedByM3.IsSuccess) wouldBe = checkedByM3.Value;
            else if (checkedByM3.Error.Category == M3ErrorCategory.Validation) messages.AddRange(checkedByM3.Error.Details.Select(d => d.Message));
            else if (checkedByM3.Error.HttpStatus is 404 or 405 or 501)
                context.RecordEvaluatedInput("M3 check", "this M3 connection has no validate-only call: local checks only.");
            else messages.Add($"M3 could not check the request ({checkedByM3.Error.Category.Name()}): {checkedByM3.Error.Message}");
        }
        context.RecordEvaluatedInput("Validation", messages.Count == 0 ? "valid: nothing was created or changed (dry run)" : string.Join(" ", messages));
        return messages.Count == 0
            ? Outcome(DoneOutcome, new IntegrationOutput { Record = wouldBe })
            : Outcome(InvalidOutcome, new IntegrationOutput { Errors = messages });
    }

    /// <summary>
    /// Checks the settings and the workflow's case, then prepares the request (once per execute and per attempt);
    /// no request, with the problems recorded, when any of them fails.
    /// </summary>
    private async ValueTask<(M3ppSettings Settings, TRequest? Request)> CheckAndPrepareAsync(IntegrationScope scope, TInput input, CancellationToken cancellationToken)
    {
        var settings = await Services.Settings.GetAsync(cancellationToken);
        if (!settings.Enabled)
            scope.Problem("integration disabled: enable M3PP/Assure in the integration settings.");
        else if (Services.Settings.ConfigurationProblem(settings) is { } problem)
            scope.Problem($"integration not configured: {problem}");
        else if (scope.CaseReference is null)
            scope.Problem(IntegrationScope.NoCaseProblem);
        else if (!ElsaM3.Cases.CaseReference.TryParse(scope.CaseReference, out _, out var error))
            scope.Problem($"the case reference {error}.");
        else
        {
            // Preparing renders every mapping and changes nothing: the mappings share one template model.
            using var shared = scope.Context.ShareExpressionModels();
            return (settings, await PrepareAsync(scope, input, settings, cancellationToken));
        }
        return (settings, default);
    }

    /// <summary>
    /// The request an attempt sends: the one rendered at execute when it is still in memory and the settings have not
    /// changed since, else rendered and checked again (after a restart, and before every retry).
    /// </summary>
    private ValueTask<(M3ppSettings Settings, TRequest? Request)> PreparedAsync(IntegrationScope scope, TInput input, CancellationToken cancellationToken)
    {
        if (scope.Context.Scratch.Remove(PreparedKey, out var kept) && kept is ValueTuple<M3ppSettings, TRequest?> prepared
            && Services.Settings.Current is { } current && ReferenceEquals(current, prepared.Item1))
            return ValueTask.FromResult<(M3ppSettings, TRequest?)>(prepared);
        return CheckAndPrepareAsync(scope, input, cancellationToken);
    }

    private async ValueTask<ActivityResult> InvalidAsync(IntegrationScope scope, IReadOnlyList<string> reasons, int attempts, CallResult? result, CancellationToken cancellationToken)
    {
        Log(scope, IntegrationOutcome.Invalid, attempts, result, reasons.Select(r => $"Failed (validation): {r}").ToList());
        scope.Context.Journal("Invalid", string.Join(" ", reasons));
        // An unconnected Invalid port would let the workflow finish green; the failure must show as an incident.
        if (!scope.Context.IsOutcomeConnected(InvalidOutcome))
            throw new M3IntegrationFailedException($"Invalid (validation, not retried): {string.Join(" ", reasons)}");
        return Outcome(InvalidOutcome, new IntegrationOutput { Errors = reasons.ToList(), Attempts = attempts });
    }

    /// <summary>Adds the failed attempt to the execution record's <c>RetryAttempts</c> (Studio's Retries tab).</summary>
    private static void RecordRetry(ActivityContext context, int attempt, TimeSpan delay, CallResult.Failed failed)
    {
        var earlier = context.Properties.TryGetValue(ResilientAttribute.RetryAttemptsProperty, out var list) && list is System.Collections.IEnumerable items and not string
            ? items.Cast<object?>().ToList()
            : [];
        earlier.Add(new Dictionary<string, object?>
        {
            ["id"] = $"{context.ActivityInstanceId}-{attempt}",
            ["activityInstanceId"] = context.ActivityInstanceId,
            ["activityId"] = context.ActivityId,
            ["workflowInstanceId"] = context.WorkflowInstanceId,
            ["attemptNumber"] = attempt,
            ["retryDelay"] = delay.ToString(),
            ["details"] = new Dictionary<string, object?>
            {
                ["StatusCode"] = failed.HttpStatus?.ToString(CultureInfo.InvariantCulture),
                ["Category"] = failed.Error.Category.Name(),
                ["Stage"] = failed.Stage,
                ["Message"] = failed.Error.Message,
                ["Retry-After"] = failed.Error.RetryAfter?.ToString(),
            },
        });
        context.Properties[ResilientAttribute.RetryAttemptsProperty] = earlier;
    }

    private static ActivityResult Suspend(DateTimeOffset at) =>
        ActivityResult.Suspend(new BookmarkRequest(BookmarkName, new Dictionary<string, object?> { ["resumeAt"] = at.ToString("O") }) { ResumeAt = at });

    private void Log(IntegrationScope scope, IntegrationOutcome outcome, int attempts, CallResult? result, IReadOnlyList<string> messages)
    {
        var context = scope.Context;
        var started = context.Properties.TryGetValue(StartedKey, out var s) && DateTimeOffset.TryParse(s?.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : context.Now;
        var failure = (result as CallResult.Failed)?.Error;
        var category = failure is not null ? failure.Category.Name() : outcome == IntegrationOutcome.Invalid ? "validation" : null;
        M3Metrics.Calls.Add(1, new KeyValuePair<string, object?>("operation", Operation),
            new KeyValuePair<string, object?>("outcome", outcome.ToString()), new KeyValuePair<string, object?>("category", category));
        // In the burst's own commit: a commit that fails logs nothing, and its retry logs once.
        scope.Context.AddToCommit(scope.LogEntry(Services.Time, Operation, outcome) with
        {
            Attempts = attempts,
            ExternalReference = (result as CallResult.Succeeded)?.ExternalReference ?? (result as CallResult.Failed)?.ExternalReference,
            HttpStatus = result?.HttpStatus ?? failure?.HttpStatus,
            ErrorCategory = category,
            Messages = messages,
            DurationMs = (long)Math.Max(0, (Services.Time.GetUtcNow() - started).TotalMilliseconds),
            CorrelationId = result?.CorrelationId ?? context.CorrelationId,
        });
    }

    private static string Describe(CallResult result) => result switch
    {
        CallResult.Succeeded s => $"success {s.ExternalReference}",
        CallResult.Failed f => $"{f.Error.Category.Name()} ({f.Stage}): {f.Error.Message}",
        CallResult.Invalid i => "invalid: " + string.Join(" ", i.Reasons),
        _ => result.ToString(),
    };

    /// <summary>Helper for subclasses: a failed gateway call as a result.</summary>
    protected static CallResult.Failed Failure<T>(ElsaM3.M3pp.Gateways.GatewayResult<T> call, string stage) => CallResult.Failed.Of(call, stage);
}

/// <summary>An integration gave up; the workflow faults with this message when the <c>Failed</c> port is not connected.</summary>
public sealed class M3IntegrationFailedException(string message) : Exception(message);

using System.Text.Json;
using ElsaM3.Runtime.Definitions;
using ElsaM3.Runtime.Instances;
using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.Http.Routes;
using ElsaM3.Workflows.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using ElsaM3.Workflows.Bookmarks;

namespace ElsaM3.Workflows.Http.Triggers;

/// <summary>
/// Answers requests under the base path: a matching trigger starts a new instance, a matching bookmark resumes
/// one; the workflow runs inline so it can write the response. A body that cannot be parsed is refused with 400
/// before any instance exists; an oversized body with 413.
/// </summary>
public sealed class HttpWorkflowsMiddleware(
    RequestDelegate next,
    HttpRouteMatcher routes,
    WorkflowGraphCache graphs,
    WorkflowInstanceService instances,
    IWorkflowInstanceStore store,
    IAuthorizationService authorization,
    IOptions<HttpOptions> options)
{
    private readonly SensitiveHeaders _sensitive = new(options.Value.SensitiveHeaders);

    public async Task InvokeAsync(HttpContext context)
    {
        var settings = options.Value;
        if (!context.Request.Path.StartsWithSegments(settings.BasePath, StringComparison.OrdinalIgnoreCase, out var remaining))
        {
            await next(context);
            return;
        }

        SandboxResponse(context);
        var path = "/" + (remaining.Value ?? "").Trim('/');
        var method = context.Request.Method.ToUpperInvariant();
        var ct = context.RequestAborted;
        var matches = await routes.MatchAsync(path, method, ct);
        var bookmarks = matches.Count == 0
            ? await store.FindBookmarksAsync(StimulusHash.Compute(HttpEndpoint.StimulusName, HttpEndpoint.Payload(path, method)), ct)
            : [];

        if (matches.Count == 0 && bookmarks.Count == 0)
        {
            await Problem(context, StatusCodes.Status404NotFound, $"No workflow handles {method} {settings.BasePath}{path}.");
            return;
        }
        if (matches.Count > 1)
        {
            await AmbiguousAsync(context, matches.Select(m => m.Trigger.WorkflowDefinitionId).Distinct().ToList());
            return;
        }

        // The endpoint's rules hold for a request that resumes a waiting workflow as for one that starts it.
        // Exactly one of them: the trigger that starts a new instance, or the bookmark of the instance it resumes.
        var (trigger, routeValues) = matches.Count == 1 ? matches[0] : default;
        var bookmark = trigger is null ? bookmarks[0] : null;
        var rules = HttpEndpointRules.Read(trigger?.Payload ?? bookmark!.Payload);
        if (await RefusedAsync(context, rules)) return;
        var graph = trigger is null ? null : await graphs.FindAsync(trigger.WorkflowDefinitionVersionId, ct);
        if (trigger is not null && graph is null)
        {
            // The trigger index named a version that was deleted a moment ago.
            await Problem(context, StatusCodes.Status404NotFound, $"No workflow handles {method} {settings.BasePath}{path}.");
            return;
        }
        var requestLimit = rules.RequestSizeLimit ?? settings.MaxRequestBodyBytes;

        var (body, error, status) = await RequestBody.ReadAsync(context.Request, requestLimit, ct);
        if (error is not null)
        {
            await Problem(context, status, error);
            return;
        }
        if (graph is not null && BodyProblems(context, graph, trigger!.ActivityId, body) is { Count: > 0 } problems)
        {
            await Problem(context, StatusCodes.Status400BadRequest, string.Join(" ", problems), problems);
            return;
        }
        var request = new HttpRequestData(path, method,
            _sensitive.Without(context.Request.Headers),
            context.Request.Query.ToDictionary(q => q.Key, q => (object?)q.Value.ToString()),
            routeValues?.ToDictionary(r => r.Key, r => WorkflowJson.ToPlain(r.Value?.ToString())) ?? new Dictionary<string, object?>(),
            body);
        var transient = new Dictionary<string, object> { [HttpTransient.HttpContext] = context };

        // The answer a workflow writes is held back until its state is committed, so a caller that got an
        // answer can rely on the run being stored (a crash before the commit loses the answer, never the run).
        var originalBody = context.Response.Body;
        using var heldBack = new MemoryStream();
        context.Response.Body = heldBack;
        HeldRun? run;
        try
        {
            run = await RunAsync(context, graph, trigger?.ActivityId, bookmark, request, transient, ct);
        }
        finally
        {
            context.Response.Body = originalBody;
        }
        // The instance stays held until the answer is written: its background work (a first M3 attempt) goes on after.
        using (run)
        {
            if (context.Items.ContainsKey(HttpTransient.ResponseWritten))
            {
                heldBack.Position = 0;
                await heldBack.CopyToAsync(originalBody, ct);
                return;
            }
            await Finish(context, run?.Result);
        }
    }

    private async Task<HeldRun?> RunAsync(HttpContext context, WorkflowGraph? graph, string? triggerActivityId, StoredBookmark? bookmark,
        HttpRequestData request, Dictionary<string, object> transient, CancellationToken ct)
    {
        if (graph is not null)
        {
            var instanceId = Ids.New();
            AddInstanceHeader(context, instanceId);
            return await instances.StartHeldAsync(graph.Definition, new StartOptions
            {
                InstanceId = instanceId,
                TriggerActivityId = triggerActivityId,
                TriggerInput = request,
                CorrelationId = context.Request.Headers["x-correlation-id"].FirstOrDefault(),
                Transient = transient,
            }, ct);
        }
        AddInstanceHeader(context, bookmark!.WorkflowInstanceId);
        return await instances.ResumeAsync(bookmark.WorkflowInstanceId, bookmark.Id, request, transient, ct) is { } resumed
            ? new HeldRun(resumed, () => { })
            : null;
    }

    /// <summary>The problems a trigger that checks bodies (e.g. CXM Case Received) finds before anything starts.</summary>
    private static IReadOnlyList<string> BodyProblems(HttpContext context, WorkflowGraph graph, string triggerActivityId, object? body)
    {
        var type = graph.Nodes.FirstOrDefault(n => n.Id == triggerActivityId)?.Type;
        if (type?.ClrType is null || !typeof(IHttpBodyCheck).IsAssignableFrom(type.ClrType)) return [];
        return ((IHttpBodyCheck)type.Factory!(context.RequestServices)).CheckBody(body);
    }

    /// <summary>Answers 401 (no credential) or 403 (not allowed) when the caller does not meet the endpoint's rules.</summary>
    private async Task<bool> RefusedAsync(HttpContext context, HttpEndpointRules rules)
    {
        if (!rules.RequiresCaller) return false;
        if (context.User.Identity?.IsAuthenticated != true)
        {
            context.Response.Headers.WWWAuthenticate = "ApiKey, Bearer";
            await Problem(context, StatusCodes.Status401Unauthorized,
                "This workflow endpoint requires a credential: an application's API key (Authorization: ApiKey <key>, or X-Api-Key), a signed body, or a bearer token.");
            return true;
        }
        if (rules.Policy is { } policy && !(await authorization.AuthorizeAsync(context.User, policy)).Succeeded)
        {
            await Problem(context, StatusCodes.Status403Forbidden, $"The caller does not meet this workflow endpoint's policy '{policy}'.");
            return true;
        }
        return false;
    }

    /// <summary>
    /// What a workflow answers is the analyst's content, not the server's: a browser shows it in a sandbox (an opaque
    /// origin, no script reaching Studio's storage or cookies) and never sniffs it into something else. Set when the
    /// answer starts, so no header a workflow writes can lift it.
    /// </summary>
    private static void SandboxResponse(HttpContext context) =>
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.ContentSecurityPolicy = WorkflowContentSecurityPolicy;
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Task.CompletedTask;
        });

    /// <summary>The policy every workflow answer carries: a sandbox with nothing allowed (no script, no same origin), never framed.</summary>
    public const string WorkflowContentSecurityPolicy = "sandbox; frame-ancestors 'none'";

    private static void AddInstanceHeader(HttpContext context, string instanceId) =>
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[WorkflowInstanceHeader.Name] = instanceId;
            return Task.CompletedTask;
        });

    private static async Task Finish(HttpContext context, WorkflowRunResult? result)
    {
        if (context.Response.HasStarted) return;
        if (result is null)
        {
            await Problem(context, StatusCodes.Status409Conflict, "The workflow waiting for this request has moved on.");
            return;
        }
        // A trigger that accepted the request (a checked case) has taken responsibility for it: what goes wrong
        // later is the workflow's, shown to its admins as an incident, not the caller's to retry.
        if (context.Items.TryGetValue(HttpTransient.AcceptedAnswer, out var accepted))
        {
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            await context.Response.WriteAsJsonAsync(accepted, WorkflowJson.StateOptions, context.RequestAborted);
            return;
        }
        if (result.SubStatus == WorkflowSubStatus.Faulted || result.State.Incidents.Count > 0)
        {
            // The caller learns where to look, never what went wrong inside (messages can carry data and paths).
            var incident = result.State.Incidents.LastOrDefault();
            await Problem(context, StatusCodes.Status500InternalServerError,
                $"The workflow faulted. Quote workflow instance {result.State.Id}{(incident is null ? "" : $", incident {incident.ActivityInstanceId}")} to an administrator.");
            return;
        }
        // Elsa answers a finished workflow that wrote nothing with 200 and no body; one left waiting is accepted.
        context.Response.StatusCode = result.Status == WorkflowStatus.Running ? StatusCodes.Status202Accepted : StatusCodes.Status200OK;
    }

    private static Task Problem(HttpContext context, int status, string detail, IReadOnlyList<string>? errors = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        object body = errors is null ? new { status, title = ReasonPhrase(status), detail } : new { status, title = ReasonPhrase(status), detail, errors };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, WorkflowJson.StateOptions), context.RequestAborted);
    }

    /// <summary>
    /// Elsa's answer to a call that matches several workflows, <c>{errorMessage, workflows:[{workflowDefinitionId}]}</c>, with a
    /// 409 instead of Elsa's 500: the caller can do nothing about it, but the server did not fail.
    /// </summary>
    private static Task AmbiguousAsync(HttpContext context, IReadOnlyList<string> definitionIds)
    {
        context.Response.StatusCode = StatusCodes.Status409Conflict;
        context.Response.ContentType = "application/json";
        var body = new
        {
            errorMessage = "The call is ambiguous and matches multiple workflows.",
            workflows = definitionIds.Select(id => new { workflowDefinitionId = id }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, WorkflowJson.StateOptions), context.RequestAborted);
    }

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}

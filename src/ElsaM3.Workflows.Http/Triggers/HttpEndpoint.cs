using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Bookmarks;

namespace ElsaM3.Workflows.Http.Triggers;

/// <summary>
/// Starts a workflow when a request arrives at <c>/workflows/{path}</c> (when it can start the workflow), or waits
/// for one mid-flow. Its outputs carry the parsed body, route values, query string and headers.
/// </summary>
[Activity("Elsa", "HTTP", "Wait for an HTTP request at a path under /workflows.", DisplayName = "HTTP Endpoint", Kind = ActivityKind.Trigger)]
public sealed class HttpEndpoint : Trigger<HttpEndpointInput, HttpEndpointOutput>
{
    public const string StimulusName = "Elsa.HttpEndpoint";

    /// <summary>Trigger payloads also carry the endpoint's rules, which the middleware applies before starting a run.</summary>
    public override IReadOnlyList<BookmarkRequest> GetTriggers(HttpEndpointInput input)
    {
        var rules = HttpEndpointRules.From(input);
        return Methods(input).Select(method => new BookmarkRequest(StimulusName, rules.AddTo(Payload(input.Path, method)))).ToList();
    }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, HttpEndpointInput input, CancellationToken cancellationToken)
    {
        if (context.IsTriggerOfWorkflow && context.Stimulus is HttpRequestData request)
            return ValueTask.FromResult(Done(Output(request)));
        // A waiting endpoint is found by path and method alone; its rules ride along so a resume is checked like a start.
        var rules = HttpEndpointRules.From(input);
        var bookmarks = Methods(input).Select(method => new BookmarkRequest(StimulusName, rules.AddTo(Payload(input.Path, method)))
        {
            LookupPayload = Payload(input.Path, method),
        }).ToList();
        return ValueTask.FromResult<ActivityResult>(new ActivityResult.Suspended(bookmarks));
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, HttpEndpointInput input, CancellationToken cancellationToken) =>
        ValueTask.FromResult(context.Stimulus is HttpRequestData request ? Done(Output(request)) : Done(new HttpEndpointOutput()));

    /// <summary>The methods named, blanks and nulls left out (a hand-edited file may hold them).</summary>
    private static IEnumerable<string> Methods(HttpEndpointInput input) =>
        (input.SupportedMethods ?? []).Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim());

    /// <summary>The stimulus payload a waiting endpoint is found by: normalised path and upper-case method.</summary>
    public static Dictionary<string, object?> Payload(string? path, string method) => new()
    {
        ["path"] = NormalizePath(path),
        ["method"] = method.ToUpperInvariant(),
    };

    public static string NormalizePath(string? path) => "/" + (path ?? "").Trim().Trim('/').ToLowerInvariant();

    private static HttpEndpointOutput Output(HttpRequestData request) => new()
    {
        ParsedContent = request.Body,
        RouteData = request.RouteData.ToDictionary(),
        QueryStringData = request.Query.ToDictionary(),
        Headers = request.Headers.ToDictionary(),
    };
}

public sealed class HttpEndpointInput
{
    [Input(Description = "The path under /workflows, e.g. cases/noise-complaint; route templates such as orders/{id} work.")]
    public string? Path { get; set; }

    [Input(Description = "The HTTP methods that trigger the workflow.", UIHint = "checklist", Options = ["GET", "POST", "PUT", "HEAD", "DELETE"])]
    public string[] SupportedMethods { get; set; } = ["GET"];

    [Input(Description = "Only authenticated callers (a signed-in person, or an application's API key or signature) may start or resume the workflow here.")]
    public bool Authorize { get; set; }

    [Input(Description = "The policy or role the caller must have, e.g. cxm for the CXM application, analyst or admin; implies Authorize.")]
    public string? Policy { get; set; }

    [Input(Description = "Largest request body accepted, in bytes; empty for the server default.")]
    public long? RequestSizeLimit { get; set; }
}

public sealed class HttpEndpointOutput
{
    [Output(Description = "The request body: JSON as an object, a form as a dictionary, other text as a string.")]
    public object? ParsedContent { get; set; }

    [Output(Description = "Values of the path's route parameters.")]
    public Dictionary<string, object?>? RouteData { get; set; }

    [Output(Description = "The query string values.")]
    public Dictionary<string, object?>? QueryStringData { get; set; }

    [Output(Description = "The request headers, without credentials (Authorization, Cookie, X-Api-Key, X-Signature and the configured sensitive headers are never stored).")]
    public Dictionary<string, object?>? Headers { get; set; }
}

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Serialization;
using Microsoft.Extensions.Options;

namespace ElsaM3.Workflows.Http.Activities;

/// <summary>
/// Sends an HTTP request. Outcomes: the status code when it is expected (else <c>Unmatched status code</c>) plus
/// <c>Done</c>; <c>Failed to connect</c> when no connection could be made; <c>Timeout</c> when no answer came in time.
/// </summary>
[Activity("Elsa", "HTTP", "Send an HTTP request and branch on the response's status code.", DisplayName = "HTTP Request (flow)", Kind = ActivityKind.Task)]
public sealed class FlowSendHttpRequest(IHttpClientFactory clients, IOptions<HttpOptions> options) : Activity<FlowSendHttpRequestInput, FlowSendHttpRequestOutput>
{
    public const string UnmatchedStatusCode = "Unmatched status code";
    public const string FailedToConnect = "Failed to connect";
    public const string TimedOut = "Timeout";

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, FlowSendHttpRequestInput input, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(input.Url, UriKind.Absolute, out var url))
            throw new InvalidOperationException($"FlowSendHttpRequest: 'Url' must be an absolute URL, not '{input.Url}'.");
        using var request = new HttpRequestMessage(new HttpMethod(string.IsNullOrWhiteSpace(input.Method) ? "GET" : input.Method), url);
        if (input.Content is not null)
        {
            var text = input.Content as string ?? JsonSerializer.Serialize(input.Content, input.Content.GetType(), WorkflowJson.StateOptions);
            request.Content = new StringContent(text, Encoding.UTF8, string.IsNullOrWhiteSpace(input.ContentType) ? (input.Content is string ? "text/plain" : "application/json") : input.ContentType);
        }
        if (!string.IsNullOrWhiteSpace(input.Authorization)) request.Headers.TryAddWithoutValidation("Authorization", input.Authorization);
        foreach (var (name, value) in input.RequestHeaders ?? []) request.Headers.TryAddWithoutValidation(name, value);

        // Studio's Test tab shows the request that would be sent and sends nothing.
        if (context.IsDryRun)
        {
            context.RecordEvaluatedInput("Request (not sent in a test)", new Dictionary<string, object?>
            {
                ["method"] = request.Method.Method,
                ["url"] = url.ToString(),
                ["headers"] = (input.RequestHeaders ?? []).Keys.Concat(input.Authorization is null ? [] : ["Authorization"]).ToList(),
                ["contentType"] = request.Content?.Headers.ContentType?.ToString(),
                ["content"] = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken),
            });
            return ActivityResult.Outcome("Done", new FlowSendHttpRequestOutput());
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.SendTimeout);
        try
        {
            using var response = await clients.CreateClient(nameof(FlowSendHttpRequest)).SendAsync(request, timeout.Token);
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            var output = new FlowSendHttpRequestOutput
            {
                StatusCode = status,
                ParsedContent = Parse(body, response.Content.Headers.ContentType),
                ResponseHeaders = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => (object?)string.Join(", ", h.Value)),
            };
            var outcome = input.ExpectedStatusCodes.Contains(status) ? status.ToString() : UnmatchedStatusCode;
            return ActivityResult.WithOutcomes([outcome, "Done"], output);
        }
        catch (HttpRequestException e) when (e.InnerException is Outbound.OutboundRefusedException refused)
        {
            throw new InvalidOperationException($"Not sent: {refused.Message}", refused);
        }
        catch (HttpRequestException e)
        {
            context.Journal("Error", $"Failed to connect to {url}: {e.Message}");
            return ActivityResult.Outcome(FailedToConnect, new FlowSendHttpRequestOutput());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            context.Journal("Error", $"No answer from {url} within {options.Value.SendTimeout.TotalSeconds:0} s.");
            return ActivityResult.Outcome(TimedOut, new FlowSendHttpRequestOutput());
        }
    }

    private static object? Parse(string body, MediaTypeHeaderValue? contentType)
    {
        if (body.Length == 0) return null;
        if (contentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true) return body;
        try
        {
            return JsonSerializer.Deserialize<object>(body, WorkflowJson.StateOptions);
        }
        catch (JsonException)
        {
            return body;
        }
    }
}

public sealed class FlowSendHttpRequestInput
{
    [Input(Description = "The absolute URL to call.", TypeName = "System.Uri, System.Private.Uri")]
    public string? Url { get; set; }

    [Input(Description = "The HTTP method.", Options = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"])]
    public string Method { get; set; } = "GET";

    [Input(Description = "The body: text as it is, anything else as JSON.", UIHint = "multiline")]
    public object? Content { get; set; }

    [Input(Description = "The body's content type.")]
    public string? ContentType { get; set; }

    [Input(Description = "The Authorization header value.", IsSensitive = true)]
    public string? Authorization { get; set; }

    [Input(Description = "Extra request headers.", TypeName = "Elsa.Http.Models.HttpHeaders, Elsa.Http", UIHint = "json-editor")]
    public Dictionary<string, string>? RequestHeaders { get; set; }

    [Input(Description = "Status codes that get their own outcome port.", UIHint = "multitext")]
    public int[] ExpectedStatusCodes { get; set; } = [200];
}

public sealed class FlowSendHttpRequestOutput
{
    [Output(Description = "The response's status code.")]
    public int StatusCode { get; set; }

    [Output(Description = "The response body: JSON as an object, otherwise text.")]
    public object? ParsedContent { get; set; }

    [Output(Description = "The response headers.")]
    public Dictionary<string, object?>? ResponseHeaders { get; set; }
}

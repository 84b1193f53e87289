using System.Net;
using System.Text.Json;
using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Serialization;
using Microsoft.AspNetCore.Http;

namespace ElsaM3.Workflows.Http.Activities;

/// <summary>Answers the HTTP request that started (or resumed) the workflow.</summary>
[Activity("Elsa", "HTTP", "Write a response to the HTTP request that started the workflow.", DisplayName = "HTTP Response")]
public sealed class WriteHttpResponse : Activity<WriteHttpResponseInput>
{
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, WriteHttpResponseInput input, CancellationToken cancellationToken)
    {
        if (!context.Transient.TryGetValue(HttpTransient.HttpContext, out var value) || value is not HttpContext http)
            throw new InvalidOperationException("HTTP context lost: the request that started this workflow was already answered (the workflow suspended before this activity).");
        var response = http.Response;
        if (response.HasStarted || http.Items.ContainsKey(HttpTransient.ResponseWritten))
            throw new InvalidOperationException("The HTTP response was already written by an earlier activity.");
        http.Items[HttpTransient.ResponseWritten] = true;

        response.StatusCode = (int)input.StatusCode;
        foreach (var (name, header) in input.ResponseHeaders ?? [])
            response.Headers[name] = header;
        var (body, contentType) = Body(input.Content, input.ContentType);
        if (contentType is not null) response.ContentType = contentType;
        if (body is not null) await response.WriteAsync(body, cancellationToken);
        return Done();
    }

    private static (string? Body, string? ContentType) Body(object? content, string? contentType) => content switch
    {
        null => (null, string.IsNullOrWhiteSpace(contentType) ? null : contentType),
        string text => (text, string.IsNullOrWhiteSpace(contentType) ? "text/plain; charset=utf-8" : contentType),
        _ => (JsonSerializer.Serialize(content, content.GetType(), WorkflowJson.StateOptions), string.IsNullOrWhiteSpace(contentType) ? "application/json" : contentType),
    };
}

public sealed class WriteHttpResponseInput
{
    [Input(Description = "The status code.", TypeName = "System.Net.HttpStatusCode, System.Net.Primitives")]
    public HttpStatusCode StatusCode { get; set; } = HttpStatusCode.OK;

    [Input(Description = "The body: text is sent as it is, anything else as JSON.", UIHint = "multiline")]
    public object? Content { get; set; }

    [Input(Description = "The content type; chosen from the content when empty.")]
    public string? ContentType { get; set; }

    [Input(Description = "Extra response headers.", TypeName = "Elsa.Http.Models.HttpHeaders, Elsa.Http", UIHint = "json-editor")]
    public Dictionary<string, string>? ResponseHeaders { get; set; }
}

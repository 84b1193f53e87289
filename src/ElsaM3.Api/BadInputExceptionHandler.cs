using System.Text.Json;
using ElsaM3.Workflows.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ElsaM3.Api;

/// <summary>
/// Turns a request the server could not read (malformed JSON, a duplicate key, invalid text, a body over a limit)
/// into a 4xx problem that says what and where. Anything else is a 500 that says nothing about the server's inside.
/// </summary>
public sealed class BadInputExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = Describe(exception);
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    public static (int Status, string Title, string Detail) Describe(Exception exception)
    {
        if (Find<JsonException>(exception) is { } json)
        {
            var path = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "" : $" ({json.Path})";
            return (StatusCodes.Status400BadRequest, "Invalid JSON", $"The request body is not valid JSON{JsonErrorText.Where(json)}{path}: {JsonErrorText.Reason(json)}");
        }
        if (Find<BadHttpRequestException>(exception) is { } bad)
        {
            var message = Find<InvalidOperationException>(bad.InnerException ?? bad) is { } invalid ? $"{bad.Message} {invalid.Message}" : bad.Message;
            return (bad.StatusCode, "Bad request", message);
        }
        if (Find<System.Text.DecoderFallbackException>(exception) is { } text)
            return (StatusCodes.Status400BadRequest, "Invalid text", $"The request holds text that is not valid UTF-8: {text.Message}");
        return (StatusCodes.Status500InternalServerError, "Internal Server Error",
            "The server could not complete the request. The error is in the server's log; nothing about it is shown here.");
    }

    private static T? Find<T>(Exception? exception) where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is T match) return match;
        return null;
    }
}

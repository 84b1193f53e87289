using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ElsaM3.Api;

/// <summary>
/// Reads every JSON body sent to the APIs once, strictly, before an endpoint binds it: a duplicate key, nesting deeper
/// than 64 levels or malformed JSON is a 400 naming the line and position, whatever type the endpoint binds (a
/// <c>JsonObject</c> would otherwise only find a duplicate when first touched, deep inside the endpoint).
/// </summary>
public static class StrictJsonBodies
{
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 64 };

    public static IApplicationBuilder UseStrictJsonBodies(this IApplicationBuilder app, params PathString[] under) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.HasJsonContentType() && under.Any(p => request.Path.StartsWithSegments(p)) && request.ContentLength is not 0)
        {
            if (!IsUtf8(request.ContentType))
            {
                await Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported charset",
                    detail: $"JSON bodies must be UTF-8; the Content-Type says '{request.ContentType}'.").ExecuteAsync(context);
                return;
            }
            request.EnableBuffering();
            try
            {
                using var _ = await JsonDocument.ParseAsync(request.Body, Strict, context.RequestAborted);
            }
            catch (JsonException e)
            {
                var (status, title, detail) = BadInputExceptionHandler.Describe(e);
                await Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);
                return;
            }
            request.Body.Position = 0;
        }
        await next(context);
    });

    private static bool IsUtf8(string? contentType) =>
        !Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        || media.Charset.Value is null or "" || string.Equals(media.Charset.Value, "utf-8", StringComparison.OrdinalIgnoreCase)
        || string.Equals(media.Charset.Value, "utf8", StringComparison.OrdinalIgnoreCase);
}

using System.Text;
using System.Text.Json;
using ElsaM3.Workflows.Serialization;
using Microsoft.AspNetCore.Http;

namespace ElsaM3.Workflows.Http.Middleware;

/// <summary>Reads and parses a request body within a size limit: JSON to plain values, forms to a dictionary, else text.</summary>
internal static class RequestBody
{
    public static async Task<(object? Body, string? Error, int Status)> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
            return (null, $"The request body is {request.ContentLength} bytes; the limit is {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            return (form.ToDictionary(f => f.Key, f => (object?)f.Value.ToString()), null, 0);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
                return (null, $"The request body is larger than the limit of {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
        }
        if (buffer.Length == 0) return (null, null, 0);

        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        var isJson = request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
        if (!isJson) return (Encoding.UTF8.GetString(bytes.Span), null, 0);
        try
        {
            return (JsonSerializer.Deserialize<object>(bytes.Span, WorkflowJson.StateOptions), null, 0);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, position {e.BytePositionInLine + 1}" : "";
            return (null, $"The request body is not valid JSON{where}: {e.Message.Split(" Path:")[0]}", StatusCodes.Status400BadRequest);
        }
    }
}

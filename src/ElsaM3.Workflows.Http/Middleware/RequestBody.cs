using System.Buffers;
using System.IO.Pipelines;
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

        // The body is parsed where Kestrel buffered it, without copying it first.
        var reader = request.BodyReader;
        ReadResult read;
        while (true)
        {
            read = await reader.ReadAsync(cancellationToken);
            if (read.Buffer.Length > limit)
            {
                reader.AdvanceTo(read.Buffer.End);
                return (null, $"The request body is larger than the limit of {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
            }
            if (read.IsCompleted || read.IsCanceled) break;
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
        try
        {
            return Parse(read.Buffer, request.ContentType);
        }
        finally
        {
            reader.AdvanceTo(read.Buffer.End);
        }
    }

    private static (object? Body, string? Error, int Status) Parse(ReadOnlySequence<byte> bytes, string? contentType)
    {
        if (bytes.IsEmpty) return (null, null, 0);
        var isJson = contentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
        if (!isJson) return (Encoding.UTF8.GetString(bytes), null, 0);
        try
        {
            var json = new Utf8JsonReader(bytes);
            var body = JsonSerializer.Deserialize<object>(ref json, WorkflowJson.StateOptions);
            json.Read(); // throws on anything but whitespace after the value, as parsing a span would
            return (body, null, 0);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, position {e.BytePositionInLine + 1}" : "";
            return (null, $"The request body is not valid JSON{where}: {e.Message.Split(" Path:")[0]}", StatusCodes.Status400BadRequest);
        }
    }
}

using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using ElsaM3.Workflows.Serialization;
using Microsoft.AspNetCore.Http;

namespace ElsaM3.Workflows.Http.Triggers;

/// <summary>
/// Reads and parses a request body within a size limit, whatever its shape (sized or chunked; JSON, form,
/// multipart or text): JSON to plain values, forms to a dictionary, else text. Anything it cannot read is a 400
/// that says what and where, never an exception.
/// </summary>
internal static class RequestBody
{
    /// <summary>How deeply JSON may nest; deeper bodies are refused (state wraps the body a few levels deeper still).</summary>
    public const int MaxJsonDepth = 32;

    public static async Task<(object? Body, string? Error, int Status)> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
            return (null, $"The request body is {request.ContentLength} bytes; the limit is {limit} bytes.", StatusCodes.Status413PayloadTooLarge);

        // The body is read where Kestrel buffered it, without copying it first; the limit holds however it arrives.
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
            if (request.HasFormContentType) return await ParseFormAsync(request, read.Buffer.ToArray(), cancellationToken);
            return Parse(read.Buffer, request.ContentType);
        }
        finally
        {
            reader.AdvanceTo(read.Buffer.End);
        }
    }

    private static async Task<(object? Body, string? Error, int Status)> ParseFormAsync(HttpRequest request, byte[] bytes, CancellationToken cancellationToken)
    {
        request.Body = new MemoryStream(bytes, writable: false);
        try
        {
            var form = await request.ReadFormAsync(cancellationToken);
            return (form.ToDictionary(f => f.Key, f => (object?)f.Value.ToString()), null, 0);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException)
        {
            return (null, $"The form body cannot be read: {e.Message}", StatusCodes.Status400BadRequest);
        }
    }

    private static (object? Body, string? Error, int Status) Parse(ReadOnlySequence<byte> bytes, string? contentType)
    {
        if (bytes.IsEmpty) return (null, null, 0);
        var isJson = contentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
        if (!isJson) return Text(bytes);
        try
        {
            var json = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = MaxJsonDepth });
            var body = JsonSerializer.Deserialize<object>(ref json, WorkflowJson.StateOptions);
            json.Read(); // throws on anything but whitespace after the value, as parsing a span would
            return (body, null, 0);
        }
        catch (JsonException e)
        {
            var reason = JsonErrorText.Reason(e);
            if (reason.Contains("maximum configured depth", StringComparison.Ordinal)) reason = $"it nests deeper than {MaxJsonDepth} levels.";
            return (null, $"The request body is not valid JSON{JsonErrorText.Where(e)}: {reason}", StatusCodes.Status400BadRequest);
        }
        catch (InvalidOperationException e)
        {
            // Invalid UTF-8 or a lone surrogate in a string.
            return (null, $"The request body is not valid JSON text: {e.Message}", StatusCodes.Status400BadRequest);
        }
    }

    private static (object? Body, string? Error, int Status) Text(ReadOnlySequence<byte> bytes)
    {
        try
        {
            return (StrictUtf8.GetString(bytes), null, 0);
        }
        catch (DecoderFallbackException e)
        {
            return (null, $"The request body is not valid UTF-8 text (byte {e.Index + 1}).", StatusCodes.Status400BadRequest);
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}

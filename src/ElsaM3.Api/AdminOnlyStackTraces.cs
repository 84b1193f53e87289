using System.Text.Json;
using System.Text.Json.Serialization;
using ElsaM3.Identity;
using Microsoft.AspNetCore.Http;
using ElsaM3.Workflows.Incidents;

namespace ElsaM3.Api;

/// <summary>
/// Writes an exception as the API shows it: type and message to everyone who may see the instance, the stack trace
/// (with the server's source paths) only to admins.
/// </summary>
internal sealed class AdminOnlyStackTraces(IHttpContextAccessor http) : JsonConverter<ExceptionState>
{
    public override ExceptionState? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return ReadState(document.RootElement);
    }

    public override void Write(Utf8JsonWriter writer, ExceptionState value, JsonSerializerOptions options)
    {
        var showStackTrace = http.HttpContext?.User.IsInRole(Roles.Admin) == true;
        WriteState(writer, value, showStackTrace, options);
    }

    private static void WriteState(Utf8JsonWriter writer, ExceptionState value, bool showStackTrace, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString(Name(options, "Type"), value.Type);
        writer.WriteString(Name(options, "Message"), value.Message);
        if (showStackTrace && value.StackTrace is not null) writer.WriteString(Name(options, "StackTrace"), value.StackTrace);
        else writer.WriteNull(Name(options, "StackTrace"));
        writer.WritePropertyName(Name(options, "InnerException"));
        if (value.InnerException is null) writer.WriteNullValue();
        else WriteState(writer, value.InnerException, showStackTrace, options);
        writer.WriteEndObject();
    }

    private static ExceptionState? ReadState(JsonElement element) => element.ValueKind != JsonValueKind.Object ? null : new ExceptionState(
        Get(element, "type") ?? "", Get(element, "message") ?? "", Get(element, "stackTrace"),
        element.TryGetProperty("innerException", out var inner) ? ReadState(inner) : null);

    private static string? Get(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Name(JsonSerializerOptions options, string name) => options.PropertyNamingPolicy?.ConvertName(name) ?? name;
}

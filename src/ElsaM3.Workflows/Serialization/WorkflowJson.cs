using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ElsaM3.Workflows.Serialization;

/// <summary>Shared <see cref="JsonSerializerOptions"/> for workflow state, journal payloads and values.</summary>
public static class WorkflowJson
{
    /// <summary>camelCase, enums as names, <c>object</c> read as plain values.</summary>
    public static readonly JsonSerializerOptions StateOptions = CreateStateOptions();

    private static JsonSerializerOptions CreateStateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new PlainValueConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Converts any value (a JsonElement, JsonNode, POCO) into plain values.</summary>
    public static object? ToPlain(object? value) => value switch
    {
        null => null,
        string or bool or long or double or int or decimal => value,
        Dictionary<string, object?> or List<object?> => value,
        _ => JsonSerializer.Deserialize<object>(JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), StateOptions), StateOptions),
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, StateOptions);

    /// <summary>The same JSON as <see cref="Serialize{T}"/>, as UTF-8 bytes (what a store writes).</summary>
    public static byte[] SerializeToUtf8<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, StateOptions);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, StateOptions)
        ?? throw new JsonException($"The JSON is null where a {typeof(T).Name} was expected.");
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace ElsaM3.Workflows.Serialization;

/// <summary>
/// Reads any JSON into plain CLR values: <see cref="Dictionary{TKey,TValue}"/> of string → object,
/// <see cref="List{T}"/> of object, string, bool, long, double or null. These are the values workflow
/// variables, inputs and outputs hold, so state read back from storage looks like state that was written.
/// </summary>
public sealed class PlainValueConverter : JsonConverter<object>
{
    public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null: return null;
            case JsonTokenType.True: return true;
            case JsonTokenType.False: return false;
            case JsonTokenType.String: return reader.GetString();
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var l)) return l;
                // TryGetDouble is false for numbers beyond a double's range (1e400, a 400-digit integer).
                return reader.TryGetDouble(out var d) && double.IsFinite(d) ? d : throw new JsonException("A number is beyond the range of a 64-bit floating point number.");
            case JsonTokenType.StartArray:
                var list = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    list.Add(Read(ref reader, typeToConvert, options));
                return list;
            case JsonTokenType.StartObject:
                var map = new Dictionary<string, object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    if (!map.TryAdd(name, Read(ref reader, typeToConvert, options))) throw new JsonException($"The property '{name}' appears twice in one object.");
                }
                return map;
            default:
                throw new JsonException($"Unexpected JSON token {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, object? value, JsonSerializerOptions options)
    {
        if (value is null)
            writer.WriteNullValue();
        else if (value.GetType() == typeof(object))
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
        else
            JsonSerializer.Serialize(writer, value, value.GetType(), options);
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ElsaM3.Workflows.Definitions;

namespace ElsaM3.Workflows.Serialization;

/// <summary>
/// Reads flowchart connections in every form Elsa has written: <c>{source:{activity,port}, target:{…}}</c>,
/// legacy flat <c>{source:"id", target:"id", sourcePort, targetPort}</c>, PascalCase, and lists wrapped in
/// <c>{"$values": […]}</c>. Writes the current form.
/// </summary>
internal sealed class ConnectionListJsonConverter : JsonConverter<List<Connection>>
{
    public override List<Connection> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadList(JsonNode.Parse(ref reader));

    public static List<Connection> ReadList(JsonNode? node)
    {
        if (node is JsonObject wrapper && JsonLookup.Get(wrapper, "$values") is JsonArray values)
            node = values;
        if (node is null) return [];
        if (node is not JsonArray array)
            throw new JsonException("'connections' must be an array.");

        var result = new List<Connection>(array.Count);
        for (var i = 0; i < array.Count; i++)
            result.Add(ReadConnection(array[i] as JsonObject ?? throw new JsonException($"connections[{i}] must be an object."), i));
        return result;
    }

    private static Connection ReadConnection(JsonObject json, int index)
    {
        var source = JsonLookup.Get(json, "source");
        var target = JsonLookup.Get(json, "target");
        var vertices = JsonLookup.Get(json, "vertices") as JsonArray;

        if (source is JsonObject sourceObject && target is JsonObject targetObject)
            return new Connection(ReadEndpoint(sourceObject, "Done", index, "source"), ReadEndpoint(targetObject, "In", index, "target"))
            {
                Vertices = (JsonArray?)vertices?.DeepClone(),
            };

        // Legacy flat form.
        var sourceId = JsonLookup.GetString(json, "source") ?? throw new JsonException($"connections[{index}].source is missing.");
        var targetId = JsonLookup.GetString(json, "target") ?? throw new JsonException($"connections[{index}].target is missing.");
        var sourcePort = JsonLookup.GetString(json, "sourcePort") ?? JsonLookup.GetString(json, "outcome") ?? "Done";
        var targetPort = JsonLookup.GetString(json, "targetPort") ?? "In";
        return new Connection(new Endpoint(sourceId, sourcePort), new Endpoint(targetId, targetPort))
        {
            Vertices = (JsonArray?)vertices?.DeepClone(),
        };
    }

    private static Endpoint ReadEndpoint(JsonObject json, string defaultPort, int index, string side)
    {
        var activity = JsonLookup.GetString(json, "activity")
            ?? throw new JsonException($"connections[{index}].{side}.activity is missing.");
        return new Endpoint(activity, JsonLookup.GetString(json, "port") ?? defaultPort);
    }

    public override void Write(Utf8JsonWriter writer, List<Connection> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var connection in value)
        {
            writer.WriteStartObject();
            WriteEndpoint(writer, "source", connection.Source);
            WriteEndpoint(writer, "target", connection.Target);
            if (connection.Vertices is not null)
            {
                writer.WritePropertyName("vertices");
                connection.Vertices.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteEndpoint(Utf8JsonWriter writer, string name, Endpoint endpoint)
    {
        writer.WriteStartObject(name);
        writer.WriteString("activity", endpoint.Activity);
        writer.WriteString("port", endpoint.Port);
        writer.WriteEndObject();
    }
}

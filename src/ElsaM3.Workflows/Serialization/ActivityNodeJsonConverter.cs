using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ElsaM3.Workflows.Definitions;
using ElsaM3.Workflows.Descriptors;

namespace ElsaM3.Workflows.Serialization;

/// <summary>
/// Reads an activity in any Elsa 3 form and writes the current one. Activities of unknown types are kept
/// verbatim; for known types, keys are camelCased, bare primitive inputs become Literal wrappers, input
/// <c>memoryReference</c>s are dropped and <c>Object</c> expression values become JSON strings.
/// </summary>
internal sealed class ActivityNodeJsonConverter(ActivityRegistry registry) : JsonConverter<ActivityNode>
{
    private static readonly HashSet<string> LegacyCustomProperties = new(StringComparer.OrdinalIgnoreCase) { "canStartWorkflow", "runAsynchronously" };
    private static readonly HashSet<string> Structural = new(StringComparer.OrdinalIgnoreCase)
        { "id", "nodeId", "name", "type", "version", "customProperties", "metadata" };
    private static readonly HashSet<string> ContainerStructural = new(StringComparer.OrdinalIgnoreCase)
        { "activities", "connections", "variables" };

    public override ActivityNode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadNode(JsonNode.Parse(ref reader) as JsonObject ?? throw new JsonException("An activity must be a JSON object."), options);

    private ActivityNode ReadNode(JsonObject json, JsonSerializerOptions options)
    {
        var type = JsonLookup.GetString(json, "type") ?? throw new JsonException("An activity has no 'type'.");
        var node = new ActivityNode
        {
            Id = JsonLookup.GetString(json, "id") ?? throw new JsonException($"An activity of type '{type}' has no 'id'."),
            NodeId = JsonLookup.GetString(json, "nodeId"),
            Name = JsonLookup.GetString(json, "name"),
            Type = type,
            Version = JsonLookup.Get(json, "version") is JsonValue v && v.TryGetValue<int>(out var version) ? version : 1,
            CustomProperties = CloneObject(JsonLookup.Get(json, "customProperties")),
            Metadata = CloneObject(JsonLookup.Get(json, "metadata")),
        };

        var activityType = registry.Find(type);
        if (activityType is null)
        {
            registry.NoteUnrecognised(type, node.Version);
            node.Unrecognised = (JsonObject)json.DeepClone();
            return node;
        }

        var isContainer = activityType.Descriptor.IsContainer;
        if (isContainer)
        {
            var activities = JsonLookup.Get(json, "activities");
            if (activities is JsonObject wrapped && JsonLookup.Get(wrapped, "$values") is JsonArray values) activities = values;
            node.Activities = (activities as JsonArray ?? []).Select(a => ReadNode(a as JsonObject ?? throw new JsonException("An activity must be a JSON object."), options)).ToList();
            if (type == ActivityNode.FlowchartType) node.Connections = ConnectionListJsonConverter.ReadList(JsonLookup.Get(json, "connections"));
            node.Variables = JsonLookup.Get(json, "variables")?.Deserialize<List<VariableDefinition>>(options) ?? [];
        }

        foreach (var (key, value) in json)
        {
            if (Structural.Contains(key) || (isContainer && ContainerStructural.Contains(key))) continue;
            if (LegacyCustomProperties.Contains(key))
            {
                node.CustomProperties.TryAdd(JsonLookup.CamelCase(key), value?.DeepClone());
                continue;
            }
            var jsonName = JsonLookup.CamelCase(key);
            var input = activityType.Inputs.FirstOrDefault(i => i.JsonName == jsonName);
            node.Properties[jsonName] = input is { IsWrapped: true } ? NormalizeInput(value, input.TypeName) : value?.DeepClone();
        }
        return node;
    }

    private static JsonObject CloneObject(JsonNode? node) => node as JsonObject is { } o ? (JsonObject)o.DeepClone() : [];

    private static JsonNode? NormalizeInput(JsonNode? value, string typeName)
    {
        switch (value)
        {
            case null:
                return null;
            case JsonObject wrapper when JsonLookup.Has(wrapper, "expression") || JsonLookup.Has(wrapper, "typeName"):
                var result = new JsonObject { ["typeName"] = JsonLookup.GetString(wrapper, "typeName") ?? typeName };
                var expression = JsonLookup.Get(wrapper, "expression");
                result["expression"] = expression is JsonObject e ? NormalizeExpression(e) : expression?.DeepClone();
                foreach (var (key, extra) in wrapper)
                    if (!string.Equals(key, "typeName", StringComparison.OrdinalIgnoreCase)
                        && !string.Equals(key, "expression", StringComparison.OrdinalIgnoreCase)
                        && !string.Equals(key, "memoryReference", StringComparison.OrdinalIgnoreCase))
                        result[key] = extra?.DeepClone();
                return result;
            case JsonValue primitive:
                return new JsonObject
                {
                    ["typeName"] = typeName,
                    ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = primitive.DeepClone() },
                };
            default:
                return new JsonObject
                {
                    ["typeName"] = typeName,
                    ["expression"] = new JsonObject { ["type"] = "Object", ["value"] = value.ToJsonString() },
                };
        }
    }

    private static JsonObject NormalizeExpression(JsonObject expression)
    {
        var type = JsonLookup.GetString(expression, "type") ?? "Literal";
        var value = JsonLookup.Get(expression, "value");
        if (type is "Object" or "Json" && value is JsonObject or JsonArray)
            value = JsonValue.Create(value.ToJsonString());
        var result = new JsonObject { ["type"] = type };
        if (JsonLookup.Has(expression, "value")) result["value"] = value?.DeepClone();
        return result;
    }

    public override void Write(Utf8JsonWriter writer, ActivityNode value, JsonSerializerOptions options)
    {
        if (value.Unrecognised is not null)
        {
            value.Unrecognised.WriteTo(writer, options);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("id", value.Id);
        if (value.NodeId is not null) writer.WriteString("nodeId", value.NodeId);
        if (value.Name is not null) writer.WriteString("name", value.Name);
        writer.WriteString("type", value.Type);
        writer.WriteNumber("version", value.Version);
        writer.WritePropertyName("customProperties");
        value.CustomProperties.WriteTo(writer, options);
        writer.WritePropertyName("metadata");
        value.Metadata.WriteTo(writer, options);
        if (value.Activities is not null)
        {
            writer.WriteStartArray("activities");
            foreach (var child in value.Activities) Write(writer, child, options);
            writer.WriteEndArray();
            if (value.IsFlowchart)
            {
                writer.WritePropertyName("connections");
                new ConnectionListJsonConverter().Write(writer, value.Connections ?? [], options);
            }
            writer.WritePropertyName("variables");
            JsonSerializer.Serialize(writer, value.Variables ?? [], options);
        }
        foreach (var (key, property) in value.Properties)
        {
            writer.WritePropertyName(key);
            if (property is null) writer.WriteNullValue();
            else property.WriteTo(writer, options);
        }
        writer.WriteEndObject();
    }
}

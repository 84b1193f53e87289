using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ElsaM3.Workflows.Definitions;
using ElsaM3.Workflows.Descriptors;

namespace ElsaM3.Workflows.Serialization;

/// <summary>Reads Elsa 3 workflow definition JSON in every known variant and writes the current form.</summary>
public sealed class WorkflowDefinitionSerializer
{
    public WorkflowDefinitionSerializer(ActivityRegistry registry)
    {
        Options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            AllowTrailingCommas = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
        };
        Options.Converters.Add(new ActivityNodeJsonConverter(registry));
        Options.Converters.Add(new JsonStringEnumConverter());
        Options.MakeReadOnly(populateMissingResolver: true);
    }

    /// <summary>Options that (de)serialize definitions and activity nodes, for hosts embedding them in larger payloads.</summary>
    public JsonSerializerOptions Options { get; }

    public WorkflowDefinition Deserialize(string json)
    {
        if (json.Length > 0 && json[0] == '\uFEFF') json = json[1..];
        return Normalize(JsonSerializer.Deserialize<WorkflowDefinition>(json, Options));
    }

    public WorkflowDefinition Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.StartsWith(Encoding.UTF8.Preamble)) utf8Json = utf8Json[3..];
        return Normalize(JsonSerializer.Deserialize<WorkflowDefinition>(utf8Json, Options));
    }

    /// <summary>Studio sends <c>null</c> for empty collections and ids; the model never holds those nulls.</summary>
    private static WorkflowDefinition Normalize(WorkflowDefinition? definition)
    {
        if (definition is null) throw new JsonException("The workflow definition JSON is null.");
        definition.Id ??= "";
        definition.DefinitionId ??= "";
        definition.Variables ??= [];
        definition.Inputs ??= [];
        definition.Outputs ??= [];
        definition.Outcomes ??= [];
        definition.CustomProperties ??= [];
        definition.Options ??= new WorkflowOptions();
        definition.Root ??= ActivityNode.EmptyFlowchart();
        return definition;
    }

    public string Serialize(WorkflowDefinition definition) => JsonSerializer.Serialize(definition, Options);

    public ActivityNode DeserializeActivity(string json) =>
        JsonSerializer.Deserialize<ActivityNode>(json, Options) ?? throw new JsonException("The activity JSON is null.");

    public string SerializeActivity(ActivityNode node) => JsonSerializer.Serialize(node, Options);
}

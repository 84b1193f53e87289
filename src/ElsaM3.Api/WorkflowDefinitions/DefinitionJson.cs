using System.Text.Json;
using System.Text.Json.Nodes;
using ElsaM3.Runtime.Definitions;
using ElsaM3.Workflows.Definitions;
using ElsaM3.Workflows.Serialization;

namespace ElsaM3.Api.WorkflowDefinitions;

/// <summary>Definitions and summaries as Studio reads them, with the <c>links</c> that make them editable.</summary>
public static class DefinitionJson
{
    public static JsonObject Model(WorkflowDefinition definition, WorkflowDefinitionSerializer serializer)
    {
        var json = JsonNode.Parse(serializer.Serialize(definition))!.AsObject();
        json.Remove("$schema");
        json["materializerName"] = "Json";
        json["providerName"] = "Default";
        json["links"] = JsonSerializer.SerializeToNode(Links(definition.DefinitionId), WorkflowJson.StateOptions);
        return json;
    }

    public static object Summary(WorkflowDefinitionSummary d) => new
    {
        d.Id, d.DefinitionId, d.Name, d.Description, d.Version, d.IsLatest, d.IsPublished, d.CreatedAt,
        MaterializerName = "Json", IsMaterializerAvailable = true, Links = Links(d.DefinitionId),
    };

    public static IReadOnlyList<Link> Links(string definitionId) =>
    [
        new($"{ElsaApi.Prefix}/workflow-definitions/{definitionId}/publish", "publish", "POST"),
        new($"{ElsaApi.Prefix}/workflow-definitions/{definitionId}/retract", "retract", "POST"),
    ];
}

using System.Text.Json.Nodes;
using ElsaM3.Workflows.Definitions;
using ElsaM3.Workflows.Serialization;

namespace ElsaM3.Workflows.Composition;

/// <summary>
/// Which workflow an activity of a workflow-as-activity type runs, as Elsa stores it on the activity:
/// <c>workflowDefinitionId</c>, <c>workflowDefinitionVersionId</c> and <c>version</c>.
/// </summary>
public sealed record WorkflowActivityReference(string DefinitionId, string? VersionId, int Version)
{
    /// <summary>Reads the reference from an activity this server has no class for; <c>null</c> when it is not a workflow.</summary>
    public static WorkflowActivityReference? TryRead(ActivityNode node) => Read(node.Unrecognised ?? node.Properties, node.Version);

    /// <summary>The reference an activity's JSON holds, its version given; <c>null</c> when it names no workflow.</summary>
    private static WorkflowActivityReference? Read(JsonObject json, int version)
    {
        var definitionId = JsonLookup.GetString(json, "workflowDefinitionId");
        if (string.IsNullOrWhiteSpace(definitionId)) return null;
        var versionId = JsonLookup.GetString(json, "workflowDefinitionVersionId");
        return new WorkflowActivityReference(definitionId, string.IsNullOrWhiteSpace(versionId) ? null : versionId, version);
    }

    /// <summary>
    /// The references inside the embedded activities a node keeps as JSON (a ForEach's or While's <c>body</c>), at any depth:
    /// they are compiled from that JSON, so a search over the definition's nodes alone would miss them.
    /// </summary>
    public static IEnumerable<WorkflowActivityReference> InEmbeddedJson(ActivityNode node)
    {
        if (node.Unrecognised is not null) yield break;
        foreach (var (_, value) in node.Properties)
            foreach (var found in Scan(value))
                yield return found;
    }

    private static IEnumerable<WorkflowActivityReference> Scan(JsonNode? json)
    {
        switch (json)
        {
            case JsonObject obj:
                var version = JsonLookup.Get(obj, "version") is JsonValue v && v.TryGetValue<int>(out var number) ? number : 1;
                if (JsonLookup.GetString(obj, "type") is not null && Read(obj, version) is { } reference)
                    yield return reference;
                foreach (var (_, child) in obj)
                    foreach (var found in Scan(child))
                        yield return found;
                break;
            case JsonArray array:
                foreach (var item in array)
                    foreach (var found in Scan(item))
                        yield return found;
                break;
        }
    }

    /// <summary>Points <paramref name="json"/> (an activity's stored JSON) at <paramref name="version"/>, as Elsa does when a child is republished.</summary>
    public static void Retarget(JsonObject json, WorkflowDefinition version)
    {
        json["workflowDefinitionVersionId"] = version.Id;
        json["version"] = version.Version;
        json["latestAvailablePublishedVersion"] = version.Version;
        json["latestAvailablePublishedVersionId"] = version.Id;
    }
}

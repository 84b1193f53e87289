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
    public static WorkflowActivityReference? TryRead(ActivityNode node)
    {
        var json = node.Unrecognised ?? node.Properties;
        var definitionId = JsonLookup.GetString(json, "workflowDefinitionId");
        if (string.IsNullOrWhiteSpace(definitionId)) return null;
        var versionId = JsonLookup.GetString(json, "workflowDefinitionVersionId");
        return new WorkflowActivityReference(definitionId, string.IsNullOrWhiteSpace(versionId) ? null : versionId, node.Version);
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

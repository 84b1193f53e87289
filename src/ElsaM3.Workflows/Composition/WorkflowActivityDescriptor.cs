using System.Text.Json.Nodes;
using ElsaM3.Workflows.Definitions;
using ElsaM3.Workflows.Descriptors;

namespace ElsaM3.Workflows.Composition;

/// <summary>The activity descriptor Elsa generates for a workflow usable as an activity (<c>WorkflowDefinitionActivityDescriptorFactory</c>).</summary>
public static class WorkflowActivityDescriptor
{
    public const string DefaultCategory = "Workflows";

    public static bool IsUsableAsActivity(WorkflowDefinition definition) =>
        definition.Options.UsableAsActivity == true || definition.UsableAsActivity == true;

    /// <summary>
    /// The descriptor of one version: the workflow's inputs, outputs and outcomes; browsable when published; dropping it on
    /// the designer writes the definition id, version id and version onto the new activity.
    /// </summary>
    public static ActivityDescriptor For(WorkflowDefinition version, WorkflowDefinition? latestPublished)
    {
        var typeName = WorkflowActivityTypeName.Of(version.Name);
        return new ActivityDescriptor
        {
            TypeName = typeName,
            Namespace = "",
            Name = typeName,
            Version = version.Version,
            Category = string.IsNullOrWhiteSpace(version.Options.ActivityCategory) ? DefaultCategory : version.Options.ActivityCategory,
            DisplayName = version.Name ?? typeName,
            Description = version.Description,
            IsBrowsable = version.IsPublished,
            Inputs = version.Inputs.Select((input, i) => new InputDescriptor
            {
                Name = WorkflowActivityPropertyNames.Safe(input.Name),
                TypeName = input.Type,
                DisplayName = input.DisplayName ?? input.Name,
                Description = input.Description,
                Category = input.Category,
                UIHint = string.IsNullOrWhiteSpace(input.UiHint) ? "singleline" : input.UiHint,
                StorageDriverType = input.StorageDriverType,
                IsSynthetic = true,
                Order = i,
            }).ToList(),
            Outputs = version.Outputs.Select((output, i) => new OutputDescriptor
            {
                Name = WorkflowActivityPropertyNames.Safe(output.Name),
                TypeName = output.Type,
                DisplayName = output.DisplayName ?? output.Name,
                Description = output.Description,
                IsSynthetic = true,
                Order = i,
            }).ToList(),
            Ports = [new PortDescriptor("Root", "Root", "Embedded", IsBrowsable: false), .. version.Outcomes.Select(o => new PortDescriptor(o, o))],
            CustomProperties = new JsonObject
            {
                ["RootType"] = "WorkflowDefinitionActivity",
                ["WorkflowDefinitionId"] = version.DefinitionId,
                ["WorkflowDefinitionVersionId"] = version.Id,
                ["LatestAvailablePublishedVersion"] = latestPublished?.Version ?? version.Version,
                ["LatestAvailablePublishedVersionId"] = latestPublished?.Id ?? version.Id,
            },
            ConstructionProperties = new JsonObject
            {
                ["WorkflowDefinitionId"] = version.DefinitionId,
                ["WorkflowDefinitionVersionId"] = version.Id,
                ["Version"] = version.Version,
                ["LatestAvailablePublishedVersion"] = latestPublished?.Version ?? version.Version,
                ["LatestAvailablePublishedVersionId"] = latestPublished?.Id ?? version.Id,
            },
        };
    }
}

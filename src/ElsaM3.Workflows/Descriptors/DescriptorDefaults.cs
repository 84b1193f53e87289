using System.Text.Json;
using System.Text.Json.Nodes;
using ElsaM3.Workflows.Definitions;
using ElsaM3.Workflows.Serialization;

namespace ElsaM3.Workflows.Descriptors;

/// <summary>
/// Studio drops activities without any input properties; this writes each missing input's descriptor default
/// into the definition (as a Literal), so the stored JSON says what will run.
/// </summary>
public static class DescriptorDefaults
{
    public static void Apply(WorkflowDefinition definition, ActivityRegistry registry)
    {
        foreach (var node in definition.Root.DescendantsAndSelf())
        {
            if (node.Unrecognised is not null || registry.Find(node.Type) is not { } type) continue;
            foreach (var input in type.Descriptor.Inputs)
            {
                var jsonName = JsonLookup.CamelCase(input.Name);
                if (input.DefaultValue is null || node.Properties.ContainsKey(jsonName)) continue;
                var value = JsonSerializer.SerializeToNode(input.DefaultValue, WorkflowJson.StateOptions);
                node.Properties[jsonName] = input.IsWrapped
                    ? new JsonObject
                    {
                        ["typeName"] = input.TypeName,
                        ["expression"] = value is JsonValue
                            ? new JsonObject { ["type"] = "Literal", ["value"] = value }
                            : new JsonObject { ["type"] = "Object", ["value"] = value!.ToJsonString() },
                    }
                    : value;
            }
        }
    }
}

using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaM3.Workflows.Descriptors;

/// <summary>Turns an activity class (its attributes and its input/output classes) into an <see cref="ActivityType"/>.</summary>
public static partial class ActivityDescriber
{
    public static ActivityType Describe(Type activityClass)
    {
        var attribute = activityClass.GetCustomAttribute<ActivityAttribute>()
            ?? throw new InvalidOperationException($"{activityClass.Name} has no [Activity] attribute.");
        var (inputType, outputType) = FindInputAndOutputTypes(activityClass);
        var name = attribute.TypeName ?? activityClass.Name;
        var inputs = DescribeInputs(inputType);
        var outputs = outputType is null ? [] : DescribeOutputs(outputType);
        var outcomes = activityClass.GetCustomAttribute<OutcomesAttribute>()?.Names ?? [];
        var factory = ActivatorUtilities.CreateFactory(activityClass, Type.EmptyTypes);
        var body = activityClass.GetCustomAttribute<BodyAttribute>();

        var descriptor = new ActivityDescriptor
        {
            TypeName = $"{attribute.Namespace}.{name}",
            Namespace = attribute.Namespace,
            Name = name,
            Version = attribute.Version,
            Category = attribute.Category,
            DisplayName = attribute.DisplayName ?? Humanize(name),
            Description = attribute.Description,
            Kind = attribute.Kind.ToString(),
            Inputs = inputs.Select(i => i.Descriptor).ToList(),
            Outputs = outputs.Select(o => o.Descriptor).ToList(),
            Ports = [.. body is null ? [] : new[] { new PortDescriptor("Body", "Body", "Embedded") }, .. outcomes.Select(o => new PortDescriptor(o, o))],
            IsBrowsable = attribute.IsBrowsable,
            IsStart = attribute.IsStart,
            IsTerminal = attribute.IsTerminal,
            ConstructionProperties = ConstructionProperties(inputs.Select(i => i.Descriptor)),
        };
        if (activityClass.GetCustomAttribute<ResilientAttribute>() is { } resilient)
        {
            descriptor.CustomProperties["Resilient"] = true;
            descriptor.CustomProperties["ResilienceCategory"] = resilient.Category;
        }

        return new ActivityType
        {
            Descriptor = descriptor,
            ClrType = activityClass,
            InputType = inputType,
            Inputs = inputs.Select(i => i.Binding).ToList(),
            Outputs = outputs.Select(o => o.Binding).ToList(),
            Factory = sp => (IActivity)factory(sp, null),
            Body = body,
        };
    }

    /// <summary>
    /// Studio copies these onto a newly dropped activity; an input whose default syntax is not Literal starts empty in
    /// that syntax, so an analyst types a template into a template box without switching it first.
    /// </summary>
    private static JsonObject ConstructionProperties(IEnumerable<InputDescriptor> inputs)
    {
        var properties = new JsonObject();
        foreach (var input in inputs.Where(i => i.IsWrapped && i.DefaultSyntax != "Literal"))
            properties[input.Name] = new JsonObject
            {
                ["typeName"] = input.TypeName,
                ["expression"] = new JsonObject { ["type"] = input.DefaultSyntax, ["value"] = input.DefaultValue?.ToString() ?? "" },
            };
        return properties;
    }

    public static string Humanize(string pascalName) => WordBoundary().Replace(pascalName, " $1").Trim();

    private static (Type Input, Type? Output) FindInputAndOutputTypes(Type activityClass)
    {
        Type? input = null, output = null;
        for (var type = activityClass; type is not null; type = type.BaseType)
        {
            if (!type.IsGenericType) continue;
            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(Activity<,>))
                (input, output) = (type.GetGenericArguments()[0], type.GetGenericArguments()[1]);
            else if (definition == typeof(Activity<>))
                input ??= type.GetGenericArguments()[0];
        }
        return (input ?? throw new InvalidOperationException($"{activityClass.Name} does not derive from Activity<TInput>."), output);
    }

    private static List<(InputDescriptor Descriptor, InputBinding Binding)> DescribeInputs(Type inputType)
    {
        var defaults = Activator.CreateInstance(inputType);
        var result = new List<(InputDescriptor, InputBinding)>();
        var order = 0;
        foreach (var property in inputType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanWrite) continue;
            var attribute = property.GetCustomAttribute<InputAttribute>() ?? new InputAttribute();
            var typeName = attribute.TypeName ?? TypeAliases.AliasOf(property.PropertyType);
            var uiHint = attribute.UIHint ?? (attribute.RefreshOptions ? "dropdown" : DefaultUiHint(property.PropertyType, attribute.Options));
            var descriptor = new InputDescriptor
            {
                Name = property.Name,
                TypeName = typeName,
                DisplayName = attribute.DisplayName ?? Humanize(property.Name),
                Description = attribute.Description,
                Order = attribute.Order != 0 ? attribute.Order : order,
                IsBrowsable = attribute.IsBrowsable,
                IsWrapped = attribute.IsWrapped,
                UIHint = uiHint,
                Category = attribute.Category,
                DefaultValue = DefaultValueOf(property.GetValue(defaults)),
                DefaultSyntax = attribute.DefaultSyntax ?? "Literal",
                IsReadOnly = attribute.IsReadOnly,
                IsSensitive = attribute.IsSensitive,
                UISpecifications = attribute.RefreshOptions ? RefreshedDropdown([]) : UiSpecifications(uiHint, property.PropertyType, attribute.Options),
            };
            var binding = new InputBinding(property.Name, JsonLookup.CamelCase(property.Name), property, attribute.IsWrapped, typeName)
            {
                IsSensitive = attribute.IsSensitive,
            };
            result.Add((descriptor, binding));
            order++;
        }
        return result;
    }

    private static List<(OutputDescriptor Descriptor, OutputBinding Binding)> DescribeOutputs(Type outputType)
    {
        var result = new List<(OutputDescriptor, OutputBinding)>();
        var order = 0;
        foreach (var property in outputType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var attribute = property.GetCustomAttribute<OutputAttribute>() ?? new OutputAttribute();
            result.Add((new OutputDescriptor
            {
                Name = property.Name,
                TypeName = TypeAliases.AliasOf(property.PropertyType),
                DisplayName = attribute.DisplayName ?? Humanize(property.Name),
                Description = attribute.Description,
                Order = order++,
                IsBrowsable = attribute.IsBrowsable,
            }, new OutputBinding(property.Name, JsonLookup.CamelCase(property.Name), property)));
        }
        return result;
    }

    private static string DefaultUiHint(Type type, string[]? options)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(bool)) return "checkbox";
        if (type.IsEnum || (options is not null && type == typeof(string))) return "dropdown";
        if (options is not null) return "checklist";
        if (type != typeof(string) && typeof(System.Collections.IDictionary).IsAssignableFrom(type)) return "dictionary";
        return "singleline";
    }

    private static JsonObject? UiSpecifications(string uiHint, Type type, string[]? options)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        options ??= type.IsEnum ? Enum.GetNames(type) : null;
        if (options is null || uiHint is not ("dropdown" or "checklist" or "radiolist")) return null;
        var items = new JsonArray(options.Select(o => (JsonNode)new JsonObject { ["text"] = o, ["value"] = o }).ToArray());
        // Studio reads dropdown items from "selectList", checklist items from "checkList", radio items from "radioList".
        var listName = uiHint switch { "checklist" => "checkList", "radiolist" => "radioList", _ => "selectList" };
        return new JsonObject { [uiHint] = new JsonObject { [listName] = new JsonObject { ["items"] = items, ["isFlagsEnum"] = false } } };
    }

    /// <summary>A drop-down Studio refreshes from <c>/descriptors/activities/{type}/options/{input}</c> when the activity is selected.</summary>
    public static JsonObject RefreshedDropdown(IEnumerable<(string Value, string Text)> items) => new()
    {
        ["Refresh"] = true,
        ["dropdown"] = new JsonObject
        {
            ["selectList"] = new JsonObject
            {
                ["items"] = new JsonArray(items.Select(i => (JsonNode)new JsonObject { ["text"] = i.Text, ["value"] = i.Value }).ToArray()),
                ["isFlagsEnum"] = false,
            },
        },
    };

    private static object? DefaultValueOf(object? value) => value switch
    {
        null => null,
        Enum e => e.ToString(),
        TimeSpan t => t.ToString("c"),
        string or bool or int or long or double or decimal => value,
        System.Collections.ICollection { Count: 0 } => null,
        _ => WorkflowJson.ToPlain(value),
    };

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])|(?<=[A-Z])([A-Z][a-z])")]
    private static partial Regex WordBoundary();
}

using System.Text.Json;
using System.Text.Json.Nodes;
using ElsaM3.Workflows.Descriptors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElsaM3.Api.Descriptors;

/// <summary>
/// <c>POST /descriptors/activities/{typeName}/options/{propertyName}</c>: Studio's refresh of a drop-down. The body
/// carries the activity's inputs (<c>{"context": {"departmentCode": {"typeName", "expression"}}}</c>); the answer is
/// the input's new UI specifications. The value already chosen is always offered, even when the list lacks it.
/// </summary>
public static class InputOptionsApi
{
    public sealed record OptionsRequest(JsonObject? Context);

    public static async Task<Results<Ok<JsonObject>, NotFound>> GetAsync(string typeName, string propertyName, OptionsRequest? request,
        ActivityRegistry registry, IEnumerable<IInputOptionsProvider> providers, CancellationToken cancellationToken)
    {
        var input = registry.Find(typeName)?.Descriptor.Inputs.FirstOrDefault(i => string.Equals(i.Name, propertyName, StringComparison.OrdinalIgnoreCase));
        if (input is null) return TypedResults.NotFound();
        var context = LiteralValues(request?.Context);
        var provider = providers.FirstOrDefault(p => p.Handles(typeName, input.Name));
        var options = provider is null ? [] : await provider.GetOptionsAsync(typeName, input.Name, context, cancellationToken);
        var items = options.Select(o => (o.Value, o.Text)).ToList();
        if (context.TryGetValue(input.Name, out var current) && items.All(i => i.Value != current))
            items.Insert(0, (current, $"{current} (not in M3's list)"));
        return TypedResults.Ok(new JsonObject { ["items"] = ActivityDescriber.RefreshedDropdown(items) });
    }

    /// <summary>The inputs whose value is plain text, by input name in any case (Studio sends camelCase names).</summary>
    private static Dictionary<string, string> LiteralValues(JsonObject? context)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, node) in context ?? [])
        {
            if (node is not JsonObject wrapped || wrapped["expression"] is not JsonObject expression) continue;
            if (expression["type"]?.GetValueKind() != JsonValueKind.String || expression["type"]!.GetValue<string>() != "Literal") continue;
            if (expression["value"] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Trim() is { Length: > 0 } text)
                values[name] = text;
        }
        return values;
    }
}

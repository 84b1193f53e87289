using ElsaM3.M3pp.Activities.Activities;
using ElsaM3.M3pp.Gateways;
using ElsaM3.Workflows.Descriptors;

namespace ElsaM3.M3pp.Activities.Templates;

/// <summary>
/// The M3 code drop-downs, from HUBis's lookups (cached by the gateway): department → application → task group →
/// task, each list following the code chosen above it; asset types, sections and an asset type's attributes. When
/// M3 cannot be asked, the list is empty and the value already chosen is still shown.
/// </summary>
public sealed class M3CodeOptions(IM3ppGateway m3) : IInputOptionsProvider
{
    private const string Namespace = M3ppCategory.Namespace + ".";

    private static readonly IReadOnlyDictionary<string, string> NothingChosen = new Dictionary<string, string>();

    /// <summary>No list (the code above it is not chosen yet).</summary>
    private const string NoList = "";

    /// <summary>The attributes of every asset type (Update Attribute by Keys has no asset type to follow).</summary>
    private const string EveryAssetTypesAttributes = "*";

    public bool Handles(string activityTypeName, string inputName) =>
        activityTypeName.StartsWith(Namespace, StringComparison.Ordinal) && LookupPath(inputName, NothingChosen) is not null;

    public async ValueTask<IReadOnlyList<InputOption>> GetOptionsAsync(string activityTypeName, string inputName,
        IReadOnlyDictionary<string, string> context, CancellationToken cancellationToken)
    {
        switch (LookupPath(inputName, context))
        {
            case null or NoList:
                return [];
            case EveryAssetTypesAttributes:
                var options = new List<InputOption>();
                foreach (var type in await ListAsync("lookups/asset-types", cancellationToken))
                    options.AddRange(await ListAsync($"lookups/asset-types/{Uri.EscapeDataString(type.Value)}/attributes", cancellationToken));
                return options.DistinctBy(o => o.Value).OrderBy(o => o.Value, StringComparer.Ordinal).ToList();
            case var path:
                return await ListAsync(path, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<InputOption>> ListAsync(string path, CancellationToken cancellationToken)
    {
        var result = await m3.LookupAsync(path, cancellationToken);
        return result.IsSuccess
            ? result.Value.Where(i => i.Active).Select(i => new InputOption(i.Code, string.IsNullOrWhiteSpace(i.Description) ? i.Code : $"{i.Code} – {i.Description}")).ToList()
            : [];
    }

    /// <summary>The lookup an input offers (null: not an M3 code input).</summary>
    private static string? LookupPath(string inputName, IReadOnlyDictionary<string, string> context)
    {
        // A code becomes one escaped path segment; "." and ".." (which no escaping hides from URL normalisation) name no list.
        string? Chosen(string name) => context.TryGetValue(name, out var value) && value.Trim() is { Length: > 0 } code && code is not ("." or "..")
            ? Uri.EscapeDataString(code) : null;
        return inputName switch
        {
            "DepartmentCode" => "lookups/departments",
            "ApplicationCode" => Chosen("DepartmentCode") is { } department ? $"lookups/departments/{department}/applications" : NoList,
            "TaskGroupCode" => Chosen("ApplicationCode") is { } application ? $"lookups/applications/{application}/task-groups" : NoList,
            "TaskCode" => Chosen("TaskGroupCode") is { } group ? $"lookups/task-groups/{group}/tasks" : NoList,
            "AssetType" => "lookups/asset-types",
            "Section" => "lookups/sections",
            "AttributeCode" => Chosen("AssetType") is { } type ? $"lookups/asset-types/{type}/attributes" : EveryAssetTypesAttributes,
            _ => null,
        };
    }
}

using ElsaM3.M3pp.Activities.Integration;
using ElsaM3.M3pp.Activities.Settings;
using ElsaM3.M3pp.Contracts;
using ElsaM3.M3pp.Gateways;
using ElsaM3.M3pp.Identifiers;
using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Expressions;

namespace ElsaM3.M3pp.Activities.Activities;

/// <summary>Sets one attribute on the assets of a comma-separated list of keys.</summary>
[Activity(M3ppCategory.Namespace, M3ppCategory.Name, "Update a single Attribute for one or more Assets, given as a comma-separated list of asset keys. All inputs are mandatory.", DisplayName = "Update Attribute by Keys")]
public sealed class UpdateAttributeByKeys(M3ppServices services) : M3IntegrationActivity<UpdateAttributeByKeysInput, AttributeUpdateRequest>(services)
{
    protected override string Operation => "UpdateAssetAttributes";

    protected override DryRunRequest DryRunOf(AttributeUpdateRequest request) => DryRunRequest.For(request);

    protected override async ValueTask<AttributeUpdateRequest> PrepareAsync(IntegrationScope scope, UpdateAttributeByKeysInput input, M3ppSettings settings, CancellationToken cancellationToken) =>
        await BuildAsync(scope, input, cancellationToken);

    protected override Task<CallResult> AttemptAsync(IntegrationScope scope, UpdateAttributeByKeysInput input, AttributeUpdateRequest request, M3ppSettings settings, CancellationToken cancellationToken) =>
        AttributeUpdates.SendAsync(Services, request, cancellationToken);

    /// <summary>Splits on commas, trims, drops empty entries and repeats (§6.6).</summary>
    public static IReadOnlyList<string> SplitKeys(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();

    private static async ValueTask<AttributeUpdateRequest> BuildAsync(IntegrationScope scope, UpdateAttributeByKeysInput input, CancellationToken ct)
    {
        var keys = SplitKeys(await scope.RequiredAsync(input.AssetKeys, "Asset keys", ct));
        if (keys.Count == 0 && input.AssetKeys is { IsEmpty: false } && scope.Problems.Count == 0)
            scope.Problem("mandatory mapping 'Asset keys' resolved to an empty list.");
        foreach (var key in keys)
            if (!PatternIdentifier.TryParse<AssetKey>(key, out _, out var error)) scope.Problem($"mapping 'Asset keys': {error}.");
        if (keys.Count > 50) scope.Problem($"mapping 'Asset keys': at most 50 asset keys may be updated at once, not {keys.Count}.");
        return new AttributeUpdateRequest
        {
            Mode = AttributeUpdateRequest.AssetKeysMode, AssetKeys = keys.ToList(),
            Attributes = await AttributeUpdates.AttributesAsync(scope, input.AttributeCode, input.Value, input.MoreAttributes, ct),
        };
    }
}

public sealed class UpdateAttributeByKeysInput
{
    [Input(DisplayName = "Asset keys", Description = "Mandatory. A comma-separated list of asset keys, e.g. {{ fields[\"bin-keys\"] }}; blanks and repeats are dropped.", DefaultSyntax = "Scriban", Order = 1)]
    public DeferredExpression? AssetKeys { get; set; }

    [Input(DisplayName = "Attribute code", Description = "Mandatory; choose from M3's list or switch to a template. The attribute to set, e.g. ASSIST.", Order = 2, RefreshOptions = true)]
    public DeferredExpression? AttributeCode { get; set; }

    [Input(Description = "Mandatory. The attribute's new value, e.g. Y.", DefaultSyntax = "Scriban", Order = 3)]
    public DeferredExpression? Value { get; set; }

    [Input(DisplayName = "More attributes", Description = "Optional further attribute code → template pairs set in the same update.", UIHint = "json-editor", Order = 4)]
    public Dictionary<string, string>? MoreAttributes { get; set; }
}

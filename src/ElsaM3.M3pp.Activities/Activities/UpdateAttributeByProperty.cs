using ElsaM3.M3pp.Activities.Integration;
using ElsaM3.M3pp.Activities.Settings;
using ElsaM3.M3pp.Contracts;
using ElsaM3.M3pp.Gateways;
using ElsaM3.M3pp.Identifiers;
using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Expressions;

namespace ElsaM3.M3pp.Activities.Activities;

/// <summary>Sets one attribute on every asset of a type at a property.</summary>
[Activity(M3ppCategory.Namespace, M3ppCategory.Name, "Update a single Attribute for all Assets of a particular type at a property (UPRN). All inputs are mandatory.", DisplayName = "Update Attribute by Property")]
public sealed class UpdateAttributeByProperty(M3ppServices services) : M3IntegrationActivity<UpdateAttributeByPropertyInput, AttributeUpdateRequest>(services)
{
    protected override string Operation => "UpdateAssetAttributes";

    protected override DryRunRequest DryRunOf(AttributeUpdateRequest request) => DryRunRequest.For(request);

    protected override async ValueTask<AttributeUpdateRequest> PrepareAsync(IntegrationScope scope, UpdateAttributeByPropertyInput input, M3ppSettings settings, CancellationToken cancellationToken) =>
        await BuildAsync(scope, input, cancellationToken);

    protected override Task<CallResult> AttemptAsync(IntegrationScope scope, UpdateAttributeByPropertyInput input, AttributeUpdateRequest request, M3ppSettings settings, CancellationToken cancellationToken) =>
        AttributeUpdates.SendAsync(Services, request, cancellationToken);

    private static async ValueTask<AttributeUpdateRequest> BuildAsync(IntegrationScope scope, UpdateAttributeByPropertyInput input, CancellationToken ct)
    {
        var uprn = await scope.RequiredAsync(input.Uprn, "Property (UPRN)", ct);
        string? canonical = null;
        if (uprn is not null)
        {
            if (Uprn.TryParse(uprn, out var parsed, out var error)) canonical = parsed.Value.ToString();
            else scope.Problem($"mapping 'Property (UPRN)': UPRN {error}.");
        }
        var assetType = scope.Code(await scope.RequiredAsync(input.AssetType, "Asset Type", ct), "Asset Type");
        return new AttributeUpdateRequest
        {
            Mode = AttributeUpdateRequest.PropertyAssetTypeMode, Uprn = canonical, AssetType = assetType,
            Attributes = await AttributeUpdates.AttributesAsync(scope, input.AttributeCode, input.Value, input.MoreAttributes, ct),
        };
    }
}

public sealed class UpdateAttributeByPropertyInput
{
    [Input(DisplayName = "Property (UPRN)", Description = "Mandatory. The property whose assets are updated, e.g. {{ address.uprn }}.", DefaultSyntax = "Scriban", Order = 1)]
    public DeferredExpression? Uprn { get; set; }

    [Input(DisplayName = "Asset Type", Description = "Mandatory; choose from M3's list or switch to a template. Every asset of this type at the property is updated, e.g. WBIN.", Order = 2, RefreshOptions = true)]
    public DeferredExpression? AssetType { get; set; }

    [Input(DisplayName = "Attribute code", Description = "Mandatory; choose from M3's list or switch to a template. The attribute to set, e.g. ASSIST.", Order = 3, RefreshOptions = true)]
    public DeferredExpression? AttributeCode { get; set; }

    [Input(Description = "Mandatory. The attribute's new value, e.g. {{ fields.assisted | m3.yn }}.", DefaultSyntax = "Scriban", Order = 4)]
    public DeferredExpression? Value { get; set; }

    [Input(DisplayName = "More attributes", Description = "Optional further attribute code → template pairs set in the same update, e.g. {\"COLLPT\": \"{{ fields[\\\"collection-point\\\"] }}\"}.", UIHint = "json-editor", Order = 5)]
    public Dictionary<string, string>? MoreAttributes { get; set; }
}

using ElsaM3.M3pp.Activities.Integration;
using ElsaM3.M3pp.Activities.Settings;
using ElsaM3.M3pp.Contracts;
using ElsaM3.M3pp.Gateways;
using ElsaM3.M3pp.Identifiers;
using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Expressions;

namespace ElsaM3.M3pp.Activities.Activities;

/// <summary>Creates an asset in M3PP/Assure and stores its asset key in the chosen Reference.</summary>
[Activity(M3ppCategory.Namespace, M3ppCategory.Name, "Create an Asset in M3PP/Assure from the case; its asset key is stored in the chosen Reference on the case.", DisplayName = "Create Asset")]
public sealed class CreateAsset(M3ppServices services) : M3IntegrationActivity<CreateAssetInput, CreateAssetRequest>(services)
{
    protected override string Operation => "CreateAsset";

    protected override DryRunRequest DryRunOf(CreateAssetRequest request) => DryRunRequest.For(request);

    protected override CallResult? Shortcut(IntegrationScope scope, CreateAssetInput input) => CreatedReference.Existing(scope, input.Reference);

    protected override async ValueTask<CreateAssetRequest> PrepareAsync(IntegrationScope scope, CreateAssetInput input, M3ppSettings settings, CancellationToken cancellationToken) =>
        await BuildAsync(scope, input, cancellationToken);

    protected override async Task<CallResult> AttemptAsync(IntegrationScope scope, CreateAssetInput input, CreateAssetRequest request, M3ppSettings settings, CancellationToken cancellationToken)
    {
        var created = await Services.M3.CreateAssetAsync(request, CreatedReference.KeyFor(scope, input.Reference!), cancellationToken);
        return created.IsSuccess
            ? await CreatedReference.StoreAsync(Services.Cxm, scope, input.Reference!, created.Value.AssetKey, created.Value, created, alreadyExisted: false, cancellationToken)
            : Failure(created, "creating the asset");
    }

    private static async ValueTask<CreateAssetRequest> BuildAsync(IntegrationScope scope, CreateAssetInput input, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.Reference)) scope.Problem("mandatory mapping 'Reference' is empty: choose the Reference that stores the asset key.");
        var assetType = scope.Code(await scope.RequiredAsync(input.AssetType, "Asset Type", ct), "Asset Type");
        var section = scope.Code(await scope.RequiredAsync(input.Section, "Section", ct), "Section");
        var uprn = await scope.RenderAsync(input.Uprn, "UPRN", ct);
        var ukey = await scope.RenderAsync(input.AssetUKey, "Asset UKey", ct);
        var siteKey = await scope.RenderAsync(input.SiteKey, "Site Key", ct);
        var given = new[] { ("UPRN", uprn), ("Asset UKey", ukey), ("Site Key", siteKey) }.Where(p => p.Item2 is not null).Select(p => p.Item1).ToList();
        if (given.Count == 0) scope.Problem("mandatory mapping: exactly one of 'UPRN', 'Asset UKey' or 'Site Key' must have a value; all three resolved to empty values.");
        else if (given.Count > 1) scope.Problem($"exactly one of 'UPRN', 'Asset UKey' or 'Site Key' may have a value, but {string.Join(" and ", given)} do.");
        if (uprn is not null && !Uprn.TryParse(uprn, out _, out var uprnError)) scope.Problem($"mapping 'UPRN': UPRN {uprnError}.");
        if (ukey is not null && !PatternIdentifier.TryParse<AssetKey>(ukey, out _, out var keyError)) scope.Problem($"mapping 'Asset UKey': {keyError}.");
        if (siteKey is not null && !PatternIdentifier.TryParse<SiteKey>(siteKey, out _, out var siteError)) scope.Problem($"mapping 'Site Key': {siteError}.");
        var startDate = await scope.RenderAsync(input.StartDate, "Start date", ct);
        if (startDate is not null)
        {
            try { startDate = Templates.M3TemplateFunctions.M3Formats.Date(startDate); }
            catch (FormatException e) { scope.Problem($"mapping 'Start date': {e.Message}"); }
        }
        var attributes = new List<AttributeValue>();
        foreach (var (code, template) in input.Attributes ?? [])
            if (await scope.RenderTemplateAsync(template, $"Attribute {code}", ct) is { } value) attributes.Add(new AttributeValue(code.Trim(), value));
        return new CreateAssetRequest
        {
            AssetType = assetType, SectionCode = section,
            Location = new AssetLocation
            {
                Uprn = uprn is not null && Uprn.TryParse(uprn, out var canonical, out _) ? canonical.Value.ToString() : uprn,
                Ukey = ukey, SiteKey = siteKey,
            },
            Description = await scope.RenderAsync(input.Description, "Description", ct),
            StartDate = startDate,
            ExternalReference = scope.CaseReference,
            Attributes = attributes,
        };
    }
}

public sealed class CreateAssetInput
{
    [Input(DisplayName = "Asset Type", Description = "Mandatory; choose from M3's list or switch to a template. The asset type code, e.g. LBIN.", Order = 1, RefreshOptions = true)]
    public DeferredExpression? AssetType { get; set; }

    [Input(Description = "Mandatory; choose from M3's list or switch to a template. The section code, e.g. STCLEAN.", Order = 2, RefreshOptions = true)]
    public DeferredExpression? Section { get; set; }

    [Input(DisplayName = "UPRN", Description = "Location: exactly one of UPRN, Asset UKey or Site Key, e.g. {{ address.uprn }}.", DefaultSyntax = "Scriban", Category = "Location", Order = 3)]
    public DeferredExpression? Uprn { get; set; }

    [Input(DisplayName = "Asset UKey", Description = "Location: the parent asset's key (AS00012345).", DefaultSyntax = "Scriban", Category = "Location", Order = 4)]
    public DeferredExpression? AssetUKey { get; set; }

    [Input(DisplayName = "Site Key", Description = "Location: a non-gazetteer site (ST00004512), e.g. {{ fields[\"site-key\"] }}.", DefaultSyntax = "Scriban", Category = "Location", Order = 5)]
    public DeferredExpression? SiteKey { get; set; }

    [Input(Description = "Optional description of the asset, e.g. {{ fields[\"bin-location\"] }}.", DefaultSyntax = "Scriban", Order = 6)]
    public DeferredExpression? Description { get; set; }

    [Input(DisplayName = "Start date", Description = "Optional date (YYYY-MM-DD), e.g. {{ fields[\"approved-install-date\"] }}.", DefaultSyntax = "Scriban", Order = 7)]
    public DeferredExpression? StartDate { get; set; }

    [Input(Description = "Attribute code → template, e.g. {\"CAPACITY\": \"{{ fields[\\\"bin-capacity\\\"] }}\", \"EMPTYFREQ\": \"DAILY\"}.", UIHint = "json-editor", Order = 8)]
    public Dictionary<string, string>? Attributes { get; set; }

    [Input(Description = "Mandatory. The Reference (e.g. m3-asset) that stores the new asset key on the case.", Order = 9)]
    public string? Reference { get; set; }
}

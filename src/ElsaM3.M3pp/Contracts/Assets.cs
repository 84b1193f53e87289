namespace ElsaM3.M3pp.Contracts;

/// <summary><c>POST /assets</c> (HUBis contract §6.5).</summary>
public sealed record CreateAssetRequest
{
    public string? AssetType { get; init; }
    public string? SectionCode { get; init; }
    public AssetLocation? Location { get; init; }
    public string? Description { get; init; }
    public string? StartDate { get; init; }
    public string? ExternalReference { get; init; }
    public List<AttributeValue>? Attributes { get; init; }
}

/// <summary>Where an asset is: exactly one of a UPRN, a parent asset's UKey or a site key.</summary>
public sealed record AssetLocation
{
    public string? Uprn { get; init; }
    public string? Ukey { get; init; }
    public string? SiteKey { get; init; }
    public string? Description { get; init; }
    public string? Usrn { get; init; }
}

public sealed record AttributeValue(string? Code, string? Value);

/// <summary>An asset as M3 returns it.</summary>
public sealed record Asset
{
    public required string AssetKey { get; init; }
    public required string AssetType { get; init; }
    public string? SectionCode { get; init; }
    public string Status { get; init; } = "ACTIVE";
    public AssetLocation? Location { get; init; }
    public string? Description { get; init; }
    public string? StartDate { get; init; }
    public string? ExternalReference { get; init; }
    public List<AttributeValue> Attributes { get; init; } = [];
    public string? CreatedDateTime { get; init; }
}

/// <summary><c>POST /asset-attribute-updates</c> (§6.6): <c>propertyAssetType</c> or <c>assetKeys</c> mode.</summary>
public sealed record AttributeUpdateRequest
{
    public const string PropertyAssetTypeMode = "propertyAssetType";
    public const string AssetKeysMode = "assetKeys";

    public string? Mode { get; init; }
    public string? Uprn { get; init; }
    public string? AssetType { get; init; }
    public List<string>? AssetKeys { get; init; }
    public List<AttributeValue>? Attributes { get; init; }
}

public sealed record AttributeUpdateResult(string Mode, int MatchedCount, IReadOnlyList<UpdatedAsset> Updated);

public sealed record UpdatedAsset(string AssetKey, string AssetType, IReadOnlyList<string> Changed);

public sealed record ItemList<T>(IReadOnlyList<T> Items);

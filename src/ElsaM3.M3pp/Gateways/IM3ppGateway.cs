using ElsaM3.M3pp.Contracts;
using ElsaM3.M3pp.Identifiers;

namespace ElsaM3.M3pp.Gateways;

/// <summary>M3PP/Assure as ElsaM3 sees it. The only place that knows the HUBis contract; swap it for the vendor's API.</summary>
public interface IM3ppGateway
{
    Task<GatewayResult<M3ppHealth>> HealthAsync(CancellationToken cancellationToken);

    Task<GatewayResult<WorksheetFieldList>> WorksheetFieldsAsync(CancellationToken cancellationToken);

    Task<GatewayResult<Worksheet>> CreateWorksheetAsync(CreateWorksheetRequest request, IdempotencyKey key, CancellationToken cancellationToken);

    /// <summary>The worksheet with this reference; a <c>not_found</c> failure when there is none.</summary>
    Task<GatewayResult<Worksheet>> FindWorksheetAsync(WorksheetReference reference, CancellationToken cancellationToken);

    Task<GatewayResult<Asset>> CreateAssetAsync(CreateAssetRequest request, IdempotencyKey key, CancellationToken cancellationToken);

    Task<GatewayResult<Asset>> GetAssetAsync(AssetKey key, CancellationToken cancellationToken);

    /// <summary>
    /// The change feed (§6.10): changes after <paramref name="after"/> (from the oldest kept when <c>null</c>), at most
    /// <paramref name="limit"/>. A 404 means this HUBis has no feed (poll instead); <see cref="M3Error.IsCursorExpired"/>
    /// means the cursor is older than the feed keeps.
    /// </summary>
    Task<GatewayResult<ChangePage>> ReadChangesAsync(ChangeCursor? after, int limit, CancellationToken cancellationToken);

    Task<GatewayResult<AttributeUpdateResult>> UpdateAttributesAsync(AttributeUpdateRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Validate-only calls (<c>?dryRun=true</c>): every check of a real call, nothing created or changed; the would-be
    /// record, or the validation failure a real call would get.
    /// </summary>
    Task<GatewayResult<System.Text.Json.Nodes.JsonObject>> DryRunAsync(DryRunRequest request, CancellationToken cancellationToken);

    /// <summary>A lookup list (e.g. <c>lookups/asset-types</c>); cached, revalidated with its ETag.</summary>
    Task<GatewayResult<IReadOnlyList<LookupItem>>> LookupAsync(string path, CancellationToken cancellationToken);
}
public sealed record M3ppHealth(string Status, string? ServiceVersion);

public sealed record LookupItem(string Code, string? Description, bool Active = true);

using ElsaM3.M3pp.Contracts;
using ElsaM3.M3pp.Errors;
using ElsaM3.M3pp.Identifiers;
using Microsoft.Extensions.Caching.Memory;
using RestSharp;

namespace ElsaM3.M3pp.Gateways;

/// <summary>HUBis's M3PP REST service (§6) through RestSharp.</summary>
public sealed class RestM3ppGateway(RestCaller caller, IGatewayConnections connections, IMemoryCache cache) : IM3ppGateway
{
    public const string ClientName = "m3pp";

    /// <summary>How long a lookup list is used before it is fetched again.</summary>
    public static readonly TimeSpan LookupLifetime = TimeSpan.FromMinutes(10);

    public Task<GatewayResult<M3ppHealth>> HealthAsync(CancellationToken cancellationToken) =>
        SendAsync<M3ppHealth>(new RestRequest("api/v1/health"), null, cancellationToken);

    public Task<GatewayResult<WorksheetFieldList>> WorksheetFieldsAsync(CancellationToken cancellationToken) =>
        SendAsync<WorksheetFieldList>(new RestRequest("api/v1/worksheet-fields"), null, cancellationToken);

    public Task<GatewayResult<Worksheet>> CreateWorksheetAsync(CreateWorksheetRequest request, IdempotencyKey key, CancellationToken cancellationToken) =>
        SendAsync<Worksheet>(new RestRequest("api/v1/worksheets", Method.Post).AddJsonBody(request), key, cancellationToken);

    public async Task<GatewayResult<Worksheet>> FindWorksheetAsync(WorksheetReference reference, CancellationToken cancellationToken)
    {
        var found = await SendAsync<ItemList<Worksheet>>(new RestRequest("api/v1/worksheets").AddQueryParameter("reference", reference.Value), null, cancellationToken);
        if (!found.IsSuccess) return GatewayResult<Worksheet>.Failure(found.Error) with { CorrelationId = found.CorrelationId };
        return found.Value.Items.FirstOrDefault() is { } worksheet
            ? GatewayResult<Worksheet>.Success(worksheet) with { HttpStatus = found.HttpStatus, CorrelationId = found.CorrelationId }
            : GatewayResult<Worksheet>.Failure(new M3Error(M3ErrorCategory.NotFound, 404,
                [new M3ErrorDetail("WORKSHEET_NOT_FOUND", null, $"Worksheet {reference} no longer exists in M3.")])) with { CorrelationId = found.CorrelationId };
    }

    public Task<GatewayResult<Asset>> CreateAssetAsync(CreateAssetRequest request, IdempotencyKey key, CancellationToken cancellationToken) =>
        SendAsync<Asset>(new RestRequest("api/v1/assets", Method.Post).AddJsonBody(request), key, cancellationToken);

    public Task<GatewayResult<Asset>> GetAssetAsync(AssetKey key, CancellationToken cancellationToken) =>
        SendAsync<Asset>(new RestRequest("api/v1/assets/{key}").AddUrlSegment("key", key.Value), null, cancellationToken);

    public Task<GatewayResult<ChangePage>> ReadChangesAsync(ChangeCursor? after, int limit, CancellationToken cancellationToken)
    {
        var request = new RestRequest("api/v1/changes").AddQueryParameter("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (after is { } cursor) request.AddQueryParameter("after", cursor.Value);
        return SendAsync<ChangePage>(request, null, cancellationToken);
    }

    public Task<GatewayResult<AttributeUpdateResult>> UpdateAttributesAsync(AttributeUpdateRequest request, CancellationToken cancellationToken) =>
        SendAsync<AttributeUpdateResult>(new RestRequest("api/v1/asset-attribute-updates", Method.Post).AddJsonBody(request), null, cancellationToken);

    public Task<GatewayResult<System.Text.Json.Nodes.JsonObject>> DryRunAsync(DryRunRequest request, CancellationToken cancellationToken) =>
        SendAsync<System.Text.Json.Nodes.JsonObject>(new RestRequest(request.Path, Method.Post).AddQueryParameter("dryRun", "true").AddJsonBody(request.Body), null, cancellationToken);

    public async Task<GatewayResult<IReadOnlyList<LookupItem>>> LookupAsync(string path, CancellationToken cancellationToken)
    {
        var connection = await connections.M3ppAsync(cancellationToken);
        var cacheKey = (typeof(RestM3ppGateway), connection.BaseUrl, path.Trim('/'));
        if (cache.TryGetValue(cacheKey, out IReadOnlyList<LookupItem>? cached) && cached is not null)
            return GatewayResult<IReadOnlyList<LookupItem>>.Success(cached);
        var result = await caller.SendAsync<ItemList<LookupItem>>(ClientName, connection, new RestRequest("api/v1/" + path.Trim('/')), null, cancellationToken);
        if (!result.IsSuccess) return GatewayResult<IReadOnlyList<LookupItem>>.Failure(result.Error);
        cache.Set(cacheKey, result.Value.Items, LookupLifetime);
        return GatewayResult<IReadOnlyList<LookupItem>>.Success(result.Value.Items);
    }

    private async Task<GatewayResult<T>> SendAsync<T>(RestRequest request, IdempotencyKey? key, CancellationToken cancellationToken) =>
        await caller.SendAsync<T>(ClientName, await connections.M3ppAsync(cancellationToken), request, key, cancellationToken);
}

using System.Text.Json.Nodes;
using ElsaM3.M3pp.Contracts;
using ElsaM3.M3pp.Errors;
using ElsaM3.M3pp.Gateways;
using ElsaM3.M3pp.Identifiers;

namespace ElsaM3.Server.Tests.Studio;

/// <summary>An M3 connection whose API has no validate-only call: <c>?dryRun=true</c> answers 404, everything else is real.</summary>
public sealed class WithoutValidateOnlyCall(IM3ppGateway inner) : IM3ppGateway
{
    public int DryRuns { get; private set; }

    public Task<GatewayResult<JsonObject>> DryRunAsync(DryRunRequest request, CancellationToken cancellationToken)
    {
        DryRuns++;
        return Task.FromResult(GatewayResult<JsonObject>.Failure(new M3Error(M3ErrorCategory.NotFound, 404, [new M3ErrorDetail("NOT_FOUND", null, "No such route.")])));
    }

    public Task<GatewayResult<M3ppHealth>> HealthAsync(CancellationToken cancellationToken) => inner.HealthAsync(cancellationToken);
    public Task<GatewayResult<WorksheetFieldList>> WorksheetFieldsAsync(CancellationToken cancellationToken) => inner.WorksheetFieldsAsync(cancellationToken);
    public Task<GatewayResult<Worksheet>> CreateWorksheetAsync(CreateWorksheetRequest request, IdempotencyKey key, CancellationToken cancellationToken) => inner.CreateWorksheetAsync(request, key, cancellationToken);
    public Task<GatewayResult<Worksheet>> FindWorksheetAsync(WorksheetReference reference, CancellationToken cancellationToken) => inner.FindWorksheetAsync(reference, cancellationToken);
    public Task<GatewayResult<Asset>> CreateAssetAsync(CreateAssetRequest request, IdempotencyKey key, CancellationToken cancellationToken) => inner.CreateAssetAsync(request, key, cancellationToken);
    public Task<GatewayResult<Asset>> GetAssetAsync(AssetKey key, CancellationToken cancellationToken) => inner.GetAssetAsync(key, cancellationToken);
    public Task<GatewayResult<ChangePage>> ReadChangesAsync(ChangeCursor? after, int limit, CancellationToken cancellationToken) => inner.ReadChangesAsync(after, limit, cancellationToken);
    public Task<GatewayResult<AttributeUpdateResult>> UpdateAttributesAsync(AttributeUpdateRequest request, CancellationToken cancellationToken) => inner.UpdateAttributesAsync(request, cancellationToken);
    public Task<GatewayResult<IReadOnlyList<LookupItem>>> LookupAsync(string path, CancellationToken cancellationToken) => inner.LookupAsync(path, cancellationToken);
}

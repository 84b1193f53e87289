using ElsaM3.M3pp.Contracts;
using ElsaM3.M3pp.Gateways;
using ElsaM3.M3pp.Identifiers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ElsaM3.Server.Tests.M3pp;

/// <summary>The real HUBis gateway, counting the reads a test cares about.</summary>
public sealed class CountingM3ppGateway(RestM3ppGateway inner, CountingM3ppGateway.Counter counter) : IM3ppGateway
{
    public sealed class Counter
    {
        private int _worksheetReads, _feedReads;
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lookups = new();
        public int WorksheetReads => _worksheetReads;

        /// <summary>The lookup paths asked of HUBis, in order.</summary>
        public IReadOnlyCollection<string> Lookups => _lookups;
        internal void Lookup(string path) => _lookups.Enqueue(path);
        public int FeedReads => _feedReads;
        public void Reset() => (_worksheetReads, _feedReads) = (0, 0);
        internal void WorksheetRead() => Interlocked.Increment(ref _worksheetReads);
        internal void FeedRead() => Interlocked.Increment(ref _feedReads);
    }

    public static void Install(IServiceCollection services, Counter counter)
    {
        services.AddSingleton<RestM3ppGateway>();
        services.Replace(ServiceDescriptor.Singleton<IM3ppGateway>(sp => new CountingM3ppGateway(sp.GetRequiredService<RestM3ppGateway>(), counter)));
    }

    public Task<GatewayResult<Worksheet>> FindWorksheetAsync(WorksheetReference reference, CancellationToken cancellationToken)
    {
        counter.WorksheetRead();
        return inner.FindWorksheetAsync(reference, cancellationToken);
    }

    public Task<GatewayResult<ChangePage>> ReadChangesAsync(ChangeCursor? after, int limit, CancellationToken cancellationToken)
    {
        counter.FeedRead();
        return inner.ReadChangesAsync(after, limit, cancellationToken);
    }

    public Task<GatewayResult<M3ppHealth>> HealthAsync(CancellationToken cancellationToken) => inner.HealthAsync(cancellationToken);
    public Task<GatewayResult<WorksheetFieldList>> WorksheetFieldsAsync(CancellationToken cancellationToken) => inner.WorksheetFieldsAsync(cancellationToken);
    public Task<GatewayResult<Worksheet>> CreateWorksheetAsync(CreateWorksheetRequest request, IdempotencyKey key, CancellationToken cancellationToken) => inner.CreateWorksheetAsync(request, key, cancellationToken);
    public Task<GatewayResult<Asset>> CreateAssetAsync(CreateAssetRequest request, IdempotencyKey key, CancellationToken cancellationToken) => inner.CreateAssetAsync(request, key, cancellationToken);
    public Task<GatewayResult<Asset>> GetAssetAsync(AssetKey key, CancellationToken cancellationToken) => inner.GetAssetAsync(key, cancellationToken);
    public Task<GatewayResult<AttributeUpdateResult>> UpdateAttributesAsync(AttributeUpdateRequest request, CancellationToken cancellationToken) => inner.UpdateAttributesAsync(request, cancellationToken);
    public Task<GatewayResult<System.Text.Json.Nodes.JsonObject>> DryRunAsync(DryRunRequest request, CancellationToken cancellationToken) => inner.DryRunAsync(request, cancellationToken);
    public Task<GatewayResult<IReadOnlyList<LookupItem>>> LookupAsync(string path, CancellationToken cancellationToken)
    {
        counter.Lookup(path);
        return inner.LookupAsync(path, cancellationToken);
    }
}

using System.Text.Json;
using ElsaM3.M3pp.Gateways;
using ElsaM3.Runtime.Coordination;
using ElsaM3.Runtime.Settings;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ElsaM3.M3pp.Activities.Settings;

/// <summary>
/// Reads and saves the integration settings (stored in the server's settings table) and supplies the gateways'
/// connections. Saving with the integration enabled first proves the connection (§6.8): <c>/health</c>, then
/// <c>/worksheet-fields</c> must list the external reference field; otherwise nothing is saved. API keys are
/// stored encrypted with ASP.NET Core Data Protection, and a stored key only ever goes to the URL it was saved with.
/// Settings saved on another node sharing the store are read again when that node announces them.
/// </summary>
public sealed class M3ppSettingsService : IGatewayConnections
{
    private const string StorageKey = "m3pp.settings";
    private const string ProtectedPrefix = "dp:";
    private static readonly SharedStateTopic Topic = new(StorageKey);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ISettingsStore _store;
    private readonly IOptions<M3ppSettings> _defaults;
    private readonly ISelfAddress _self;
    private readonly RestCaller _caller;
    private readonly IMemoryCache _cache;
    private readonly INodeBroadcast _broadcast;
    private readonly IDataProtector _keys;
    private volatile M3ppSettings? _current;

    public M3ppSettingsService(ISettingsStore store, IOptions<M3ppSettings> defaults, ISelfAddress self, RestCaller caller, IMemoryCache cache,
        IDataProtectionProvider protection, INodeBroadcast broadcast)
    {
        (_store, _defaults, _self, _caller, _cache, _broadcast) = (store, defaults, self, caller, cache, broadcast);
        _keys = protection.CreateProtector("ElsaM3.M3pp.Settings.ApiKeys");
        broadcast.Subscribe(Topic, () => _current = null);
    }

    /// <summary>The settings in use when they have been read already (a saved change replaces the object); <c>null</c> before the first read.</summary>
    public M3ppSettings? Current => _current;

    public async ValueTask<M3ppSettings> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } current) return current;
        var stored = await _store.GetAsync(StorageKey, cancellationToken);
        if (stored is null) return _current = _defaults.Value;
        var settings = JsonSerializer.Deserialize<M3ppSettings>(stored, Json)!;
        var keys = settings with { HubisApiKey = Unprotect(settings.HubisApiKey), CxmApiKey = Unprotect(settings.CxmApiKey) };
        // Settings saved before keys were encrypted are encrypted now.
        if (IsPlain(settings.HubisApiKey) || IsPlain(settings.CxmApiKey)) await StoreAsync(keys, cancellationToken);
        return _current = keys;
    }

    /// <summary>
    /// Saves <paramref name="update"/>; a blank API key keeps the stored one only while its URL stays the same.
    /// Returns the reason when the connection check fails (nothing is saved then).
    /// </summary>
    public async Task<string?> SaveAsync(M3ppSettings update, CancellationToken cancellationToken)
    {
        var old = await GetAsync(cancellationToken);
        var candidate = update with
        {
            HubisApiKey = string.IsNullOrEmpty(update.HubisApiKey) && update.HubisBaseUrl == old.HubisBaseUrl ? old.HubisApiKey : update.HubisApiKey,
            CxmApiKey = string.IsNullOrEmpty(update.CxmApiKey) && update.CxmBaseUrl == old.CxmBaseUrl ? old.CxmApiKey : update.CxmApiKey,
        };
        if (candidate.Enabled && await VerifyAsync(candidate, cancellationToken) is { } failure) return failure;
        await StoreAsync(candidate, cancellationToken);
        _current = candidate;
        await _broadcast.AnnounceAsync(Topic, cancellationToken);
        return null;
    }

    private Task StoreAsync(M3ppSettings settings, CancellationToken cancellationToken) =>
        _store.SetAsync(StorageKey, JsonSerializer.Serialize(settings with { HubisApiKey = Protect(settings.HubisApiKey), CxmApiKey = Protect(settings.CxmApiKey) }, Json), cancellationToken);

    private string? Protect(string? key) => string.IsNullOrEmpty(key) ? key : ProtectedPrefix + _keys.Protect(key);

    private string? Unprotect(string? stored) => IsProtected(stored) ? _keys.Unprotect(stored![ProtectedPrefix.Length..]) : stored;

    private static bool IsProtected(string? stored) => stored?.StartsWith(ProtectedPrefix, StringComparison.Ordinal) == true;

    private static bool IsPlain(string? stored) => !string.IsNullOrEmpty(stored) && !IsProtected(stored);

    /// <summary>Why the integration cannot call out with these settings (a base URL or API key missing), or null.</summary>
    public string? ConfigurationProblem(M3ppSettings settings) =>
        ConnectionOrError(settings.HubisBaseUrl, settings.HubisApiKey, settings.Timeout, "HUBis") is null ? Problem(settings.HubisBaseUrl, settings.HubisApiKey, "HUBis")
        : ConnectionOrError(settings.CxmBaseUrl, settings.CxmApiKey, settings.Timeout, "CXM") is null ? Problem(settings.CxmBaseUrl, settings.CxmApiKey, "CXM")
        : null;

    /// <summary>Null when HUBis answers and knows the external reference field, and CXM answers with the key; otherwise the reason.</summary>
    public async Task<string?> VerifyAsync(M3ppSettings settings, CancellationToken cancellationToken)
    {
        if (await VerifyHubisAsync(settings, cancellationToken) is { } hubis) return hubis;
        return await VerifyCxmAsync(settings, cancellationToken);
    }

    /// <summary>Reads a case that does not exist: CXM reached and the key accepted answer 404; anything else says why not.</summary>
    private async Task<string?> VerifyCxmAsync(M3ppSettings settings, CancellationToken cancellationToken)
    {
        if (ConnectionOrError(settings.CxmBaseUrl, settings.CxmApiKey, settings.Timeout, "CXM") is not { } connection)
            return Problem(settings.CxmBaseUrl, settings.CxmApiKey, "CXM");
        var gateway = new RestCxmGateway(_caller, new FixedConnections(connection));
        var probe = await gateway.GetCaseAsync("elsam3-connection-check", cancellationToken);
        return probe.IsSuccess || probe.Error.Category == ElsaM3.M3pp.Errors.M3ErrorCategory.NotFound ? null
            : $"Could not connect to CXM at {connection.BaseUrl}: {probe.Error.Category} — {probe.Error.Message}";
    }

    private async Task<string?> VerifyHubisAsync(M3ppSettings settings, CancellationToken cancellationToken)
    {
        if (ConnectionOrError(settings.HubisBaseUrl, settings.HubisApiKey, settings.Timeout, "HUBis") is not { } connection)
            return Problem(settings.HubisBaseUrl, settings.HubisApiKey, "HUBis");
        var gateway = new RestM3ppGateway(_caller, new FixedConnections(connection), _cache);
        var health = await gateway.HealthAsync(cancellationToken);
        if (!health.IsSuccess) return $"Could not connect to M3PP/Assure through HUBis at {connection.BaseUrl}: {health.Error.Category} — {health.Error.Message}";
        var fields = await gateway.WorksheetFieldsAsync(cancellationToken);
        if (!fields.IsSuccess) return $"HUBis answered, but the worksheet fields could not be read: {fields.Error.Category} — {fields.Error.Message}";
        if (!fields.Value.Fields.Any(f => f.Name == settings.ExternalReferenceField?.Trim()))
            return $"The worksheet external reference field '{settings.ExternalReferenceField}' is not a worksheet field in M3 (known: {string.Join(", ", fields.Value.Fields.Select(f => f.Name))}).";
        return null;
    }

    public async ValueTask<GatewayConnection> M3ppAsync(CancellationToken cancellationToken)
    {
        var settings = await GetAsync(cancellationToken);
        return ConnectionOrError(settings.HubisBaseUrl, settings.HubisApiKey, settings.Timeout, "HUBis")
            ?? throw new InvalidOperationException(Problem(settings.HubisBaseUrl, settings.HubisApiKey, "HUBis"));
    }

    public async ValueTask<GatewayConnection> CxmAsync(CancellationToken cancellationToken)
    {
        var settings = await GetAsync(cancellationToken);
        return ConnectionOrError(settings.CxmBaseUrl, settings.CxmApiKey, settings.Timeout, "CXM")
            ?? throw new InvalidOperationException(Problem(settings.CxmBaseUrl, settings.CxmApiKey, "CXM"));
    }

    private GatewayConnection? ConnectionOrError(string? baseUrl, string? apiKey, TimeSpan timeout, string system) =>
        Resolve(baseUrl) is { } url && !string.IsNullOrEmpty(apiKey) ? new GatewayConnection(url, apiKey, timeout) : null;

    private string Problem(string? baseUrl, string? apiKey, string system) =>
        string.IsNullOrWhiteSpace(baseUrl) ? $"The {system} base URL is not set."
        : Resolve(baseUrl) is null ? $"The {system} base URL '{baseUrl}' is not an absolute http(s) URL."
        : $"The {system} API key is not set.";

    private Uri? Resolve(string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(baseUrl)) return null;
        // "/simulators/cxm" means this server; "//host/cxm" (or "/\host") would name another host, so it is no relative URL.
        if (baseUrl.StartsWith('/'))
            return baseUrl.Length > 1 && baseUrl[1] is '/' or '\\' ? null : new Uri(_self.BaseAddress, baseUrl.TrimEnd('/') + "/");
        return Uri.TryCreate(baseUrl.TrimEnd('/') + "/", UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : null;
    }

    private sealed class FixedConnections(GatewayConnection connection) : IGatewayConnections
    {
        public ValueTask<GatewayConnection> M3ppAsync(CancellationToken cancellationToken) => ValueTask.FromResult(connection);
        public ValueTask<GatewayConnection> CxmAsync(CancellationToken cancellationToken) => ValueTask.FromResult(connection);
    }
}

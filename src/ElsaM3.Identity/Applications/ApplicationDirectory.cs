using ElsaM3.Identity.Secrets;
using Microsoft.Extensions.Options;

namespace ElsaM3.Identity.Applications;

/// <summary>
/// The systems that may call workflow endpoints: the configured applications plus the built-in <c>cxm</c>, whose
/// key comes from <c>ElsaM3:Identity:CxmApiKey</c> or is generated once, printed once and kept hashed (<see cref="IdentitySecrets"/>).
/// </summary>
public sealed class ApplicationDirectory
{
    public const string CxmName = "cxm";
    private readonly List<ConfiguredApplication> _applications;

    public ApplicationDirectory(IOptions<IdentityOptions> options, IdentitySecrets secrets)
    {
        var settings = options.Value;
        // Copies, with hashes in the lower case hash-key writes, so lookups compare them as they are.
        _applications = settings.Applications.Select(a => new ConfiguredApplication
        {
            Name = a.Name, KeyHash = a.KeyHash?.ToLowerInvariant(), SigningSecret = a.SigningSecret, Roles = a.Roles,
        }).ToList();
        foreach (var app in _applications)
        {
            if (string.IsNullOrWhiteSpace(app.Name)) throw new OptionsValidationException("ElsaM3:Identity:Applications", typeof(IdentityOptions), ["Every application needs a Name."]);
            if (app.KeyHash is not null && !ApiKeyHash.IsWellFormed(app.KeyHash))
                throw new OptionsValidationException("ElsaM3:Identity:Applications", typeof(IdentityOptions),
                    [$"ElsaM3:Identity:Applications '{app.Name}': KeyHash must be 'sha256:' and 64 hex digits, as `hash-key` prints it."]);
            if (app.SigningSecret is { Length: < ApiKeyHash.MinimumKeyLength })
                throw new OptionsValidationException("ElsaM3:Identity:Applications", typeof(IdentityOptions),
                    [$"ElsaM3:Identity:Applications '{app.Name}': SigningSecret must be at least {ApiKeyHash.MinimumKeyLength} characters."]);
        }
        if (secrets.CxmKeyHash is { } cxmKeyHash)
            _applications.Add(new ConfiguredApplication { Name = CxmName, KeyHash = cxmKeyHash, Roles = [Roles.Cxm] });
    }

    public IReadOnlyList<ConfiguredApplication> All => _applications;

    /// <summary>The application whose key this is, or <c>null</c>. Every application is compared, so the time says nothing about which.</summary>
    public ConfiguredApplication? FindByKey(string key)
    {
        var hash = ApiKeyHash.Of(key);
        ConfiguredApplication? found = null;
        foreach (var app in _applications)
            if (app.KeyHash is { } stored && ApiKeyHash.Matches(hash, stored)) found ??= app;
        return found;
    }

    public IEnumerable<ConfiguredApplication> Signing => _applications.Where(a => !string.IsNullOrEmpty(a.SigningSecret));
}

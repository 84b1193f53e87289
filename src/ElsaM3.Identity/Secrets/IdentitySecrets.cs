using System.Security.Cryptography;
using ElsaM3.Identity.Applications;
using ElsaM3.Identity.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ElsaM3.Identity.Secrets;

/// <summary>
/// The signing key and the built-in users' credentials: the configured ones, or ones generated once, kept in the
/// <see cref="IGeneratedSecretStore"/> and shown once. Read at start-up (<see cref="LoadAsync"/>), before any sign-in.
/// </summary>
public sealed partial class IdentitySecrets(IOptions<IdentityOptions> options, IGeneratedSecretStore store, ILogger<IdentitySecrets> logger)
{
    private Loaded? _loaded;

    /// <summary>The key that signs tokens.</summary>
    public string SigningKey => Current.SigningKey;

    /// <summary>The built-in admin's password hash; <c>null</c> when a configured user is called admin.</summary>
    public string? AdminPasswordHash => Current.AdminPasswordHash;

    /// <summary>
    /// What stands for the built-in admin's password in its session stamp: the kept hash, or for a configured password
    /// (hashed anew, with a new salt, at every start) a keyed digest of it, the same on every start and node.
    /// </summary>
    public string? AdminPasswordStampSource => Current.AdminStampSource;

    /// <summary>The built-in cxm application's key hash; <c>null</c> when a configured application is called cxm.</summary>
    public string? CxmKeyHash => Current.CxmKeyHash;

    private Loaded Current => _loaded ?? throw new InvalidOperationException("The identity secrets are read at start-up, before first use.");

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (_loaded is not null) return;
        var settings = options.Value;
        var signingKey = settings.SigningKey is { Length: >= 32 } configured ? configured
            : (await store.GetOrAddAsync(GeneratedSecretName.SigningKey, Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)), cancellationToken)).Value;
        var adminHash = settings.Users.Any(u => Is(u.Name, UserDirectory.AdminName)) ? null
            : !string.IsNullOrEmpty(settings.AdminPassword) ? UserDirectory.Hash(UserDirectory.AdminName, settings.AdminPassword)
            : await GeneratedHashAsync(GeneratedSecretName.AdminPasswordHash, NewPassword(), p => UserDirectory.Hash(UserDirectory.AdminName, p),
                (password, place) => LogGeneratedPassword(password, place), cancellationToken);
        var cxmHash = settings.Applications.Any(a => Is(a.Name, ApplicationDirectory.CxmName)) ? null
            : !string.IsNullOrEmpty(settings.CxmApiKey) ? ConfiguredKeyHash(settings.CxmApiKey)
            : await GeneratedHashAsync(GeneratedSecretName.CxmKeyHash, ApiKeyHash.NewKey(ApplicationDirectory.CxmName), ApiKeyHash.Of,
                (key, place) => LogGeneratedKey(key, place), cancellationToken);
        var adminStamp = adminHash is null ? null
            : !string.IsNullOrEmpty(settings.AdminPassword)
            ? Convert.ToHexString(HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(signingKey), System.Text.Encoding.UTF8.GetBytes(settings.AdminPassword)))
            : adminHash;
        _loaded = new Loaded(signingKey, adminHash, cxmHash, adminStamp);
    }

    /// <summary>Keeps the hash of <paramref name="secret"/> unless one is kept already; announces the secret only when its hash was kept now.</summary>
    private async Task<string> GeneratedHashAsync(GeneratedSecretName name, string secret, Func<string, string> hash, Action<string, string> announce, CancellationToken cancellationToken)
    {
        var kept = await store.GetOrAddAsync(name, hash(secret), cancellationToken);
        if (kept.Added) announce(secret, store.Location(name));
        return kept.Value;
    }

    private static string ConfiguredKeyHash(string key) => key.Length >= ApiKeyHash.MinimumKeyLength ? ApiKeyHash.Of(key)
        : throw new OptionsValidationException("ElsaM3:Identity:CxmApiKey", typeof(IdentityOptions),
            [$"ElsaM3:Identity:CxmApiKey must be at least {ApiKeyHash.MinimumKeyLength} characters."]);

    private static string NewPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y');

    private static bool Is(string name, string builtIn) => string.Equals(name, builtIn, StringComparison.OrdinalIgnoreCase);

    private sealed record Loaded(string SigningKey, string? AdminPasswordHash, string? CxmKeyHash, string? AdminStampSource);

    [LoggerMessage(LogLevel.Warning, "Generated the password of user 'admin': {Password} (shown once; its hash is kept in {Place}; set ElsaM3:Identity:AdminPassword to choose one)")]
    private partial void LogGeneratedPassword(string password, string place);

    [LoggerMessage(LogLevel.Warning, "Generated the API key of application 'cxm': {Key} (shown once; CXM sends it as 'Authorization: ApiKey <key>' or 'X-Api-Key'; its hash is kept in {Place}; set ElsaM3:Identity:CxmApiKey to choose one)")]
    private partial void LogGeneratedKey(string key, string place);
}

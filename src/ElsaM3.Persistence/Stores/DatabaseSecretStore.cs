using ElsaM3.Identity.Secrets;
using ElsaM3.Runtime.Settings;

namespace ElsaM3.Persistence.Stores;

/// <summary>
/// Generated secrets in the shared database's settings, so every node signs with one key and knows the one generated
/// admin password and CXM key. The first node to start keeps them; the others read what it kept.
/// </summary>
internal sealed class DatabaseSecretStore(ISettingsStore settings) : IGeneratedSecretStore
{
    public string Location(GeneratedSecretName name) => $"the database (setting '{name.Key}')";

    public async Task<KeptSecret> GetOrAddAsync(GeneratedSecretName name, string candidate, CancellationToken cancellationToken)
    {
        var (value, added) = await settings.GetOrAddAsync(name.Key, candidate, cancellationToken);
        return new KeptSecret(value, added);
    }
}

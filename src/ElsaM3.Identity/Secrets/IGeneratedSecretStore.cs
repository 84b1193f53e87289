namespace ElsaM3.Identity.Secrets;

/// <summary>
/// Where generated secrets are kept: owner-only files in the data folder on one node, the shared database when several
/// nodes must sign and check the same tokens and know the same generated admin password and CXM key.
/// </summary>
public interface IGeneratedSecretStore
{
    /// <summary>Where <paramref name="name"/> is kept, for the message that announces a new secret (never the value).</summary>
    string Location(GeneratedSecretName name);

    /// <summary>
    /// The value kept under <paramref name="name"/>; when there is none, <paramref name="candidate"/> is kept and returned
    /// with <see cref="KeptSecret.Added"/> set. When two nodes start together the first one kept wins on both.
    /// </summary>
    Task<KeptSecret> GetOrAddAsync(GeneratedSecretName name, string candidate, CancellationToken cancellationToken);
}

/// <summary>A kept secret's value and whether this call kept it (so the plain secret behind a hash is announced once).</summary>
public readonly record struct KeptSecret(string Value, bool Added);

using System.Security.Cryptography;
using System.Text;

namespace ElsaM3.Identity.Applications;

/// <summary>
/// API keys are long random secrets, so a single SHA-256 is enough to keep them out of configuration and disk (a
/// slow password hash would only slow every call). Written as <c>sha256:</c> and 64 hex digits.
/// </summary>
public static class ApiKeyHash
{
    private const string Prefix = "sha256:";

    /// <summary>Shortest key accepted; generated keys are longer.</summary>
    public const int MinimumKeyLength = 32;

    public static string Of(string key) => Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool IsWellFormed(string? hash) =>
        hash is { Length: 71 } && hash.StartsWith(Prefix, StringComparison.Ordinal) && hash[Prefix.Length..].All(Uri.IsHexDigit);

    /// <summary>Compares in constant time, so the answer's timing says nothing about how much of a key was right.</summary>
    public static bool Matches(string presentedKeyHash, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presentedKeyHash), Encoding.ASCII.GetBytes(storedHash));

    /// <summary>A new key: a name prefix and 32 random bytes, URL-safe.</summary>
    public static string NewKey(string prefix) =>
        $"{prefix}_{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}";
}

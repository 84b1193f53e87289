namespace ElsaM3.Identity.Secrets;

/// <summary>
/// A secret the server makes itself when configuration chooses none: its key in the database, or its file in the data
/// folder (with the JSON property holding it; <c>null</c> for a file that is the value itself).
/// </summary>
public sealed record GeneratedSecretName(string Key, string FileName, string? JsonProperty)
{
    /// <summary>The key that signs tokens.</summary>
    public static readonly GeneratedSecretName SigningKey = new("identity.signing-key", "signing.key", null);

    /// <summary>The hash of the built-in admin's generated password.</summary>
    public static readonly GeneratedSecretName AdminPasswordHash = new("identity.admin-password-hash", "admin-password.json", "PasswordHash");

    /// <summary>The hash of the built-in cxm application's generated API key.</summary>
    public static readonly GeneratedSecretName CxmKeyHash = new("identity.cxm-key-hash", "cxm-api-key.json", "KeyHash");
}

using System.Text.Json.Nodes;

namespace ElsaM3.Identity.Files;

/// <summary>
/// A secret the server makes itself when configuration chooses none (the admin password, the CXM key): made once,
/// shown once through <c>announce</c>, and only its hash kept, in an owner-only JSON file of the data folder.
/// </summary>
internal static class GeneratedSecret
{
    /// <summary>The stored hash under <paramref name="property"/> in <paramref name="file"/>, making and announcing a new secret when there is none.</summary>
    public static string HashFrom(string file, string property, Func<string> generate, Func<string, string> hash, Action<string> announce)
    {
        if (File.Exists(file)) return JsonNode.Parse(File.ReadAllText(file))![property]!.GetValue<string>();
        var secret = generate();
        var hashed = hash(secret);
        SecretFiles.Write(file, new JsonObject { [property] = hashed }.ToJsonString());
        announce(secret);
        return hashed;
    }
}

using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ElsaM3.Identity.Secrets;

/// <summary>Generated secrets in owner-only files of the data folder (one node: the embedded default).</summary>
public sealed class FileSecretStore(IOptions<IdentityOptions> options) : IGeneratedSecretStore
{
    public string Location(GeneratedSecretName name) => Path.Combine(options.Value.DataDirectory, name.FileName);

    public Task<KeptSecret> GetOrAddAsync(GeneratedSecretName name, string candidate, CancellationToken cancellationToken)
    {
        var file = Location(name);
        if (File.Exists(file))
        {
            var text = File.ReadAllText(file);
            return Task.FromResult(new KeptSecret(name.JsonProperty is { } property ? JsonNode.Parse(text)![property]!.GetValue<string>() : text.Trim(), false));
        }
        SecretFiles.Write(file, name.JsonProperty is { } key ? new JsonObject { [key] = candidate }.ToJsonString() : candidate);
        return Task.FromResult(new KeptSecret(candidate, true));
    }
}

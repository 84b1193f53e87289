using Microsoft.AspNetCore.Http;

namespace ElsaM3.Workflows.Http.Triggers;

/// <summary>Headers that carry credentials: they never reach a workflow, so never its state, journal or records.</summary>
internal sealed class SensitiveHeaders(IEnumerable<string> configured)
{
    public static readonly string[] BuiltIn = ["Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key", "X-Signature"];

    private readonly HashSet<string> _names = new(BuiltIn.Concat(configured), StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, object?> Without(IHeaderDictionary headers)
    {
        var kept = new Dictionary<string, object?>(headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
            if (!_names.Contains(name)) kept[name] = value.ToString();
        return kept;
    }
}

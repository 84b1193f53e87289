using System.Text.RegularExpressions;

namespace ElsaM3.Server.Hosting;

/// <summary>
/// Credentials a caller put in a URL's query (<c>?apiKey=…</c>, refused by the server but still logged by ASP.NET Core's
/// "Request starting" line) are masked in every log line written.
/// </summary>
public static partial class QueryCredentials
{
    public const string Mask = "***";

    public static string Redact(string text) => text.Contains('=') ? Credential().Replace(text, m => m.Groups["name"].Value + Mask) : text;

    [GeneratedRegex(@"(?<name>[?&;](?:[\w.-]*?(?:api[-_]?key|key|token|secret|password|passwd|pwd|signature|sig|auth|authorization|credential)[\w.-]*)=)[^&#\s""']*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Credential();
}

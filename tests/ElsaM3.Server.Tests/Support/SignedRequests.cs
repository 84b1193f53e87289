using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ElsaM3.Server.Tests.Support;

/// <summary>Signs a body as a webhook sender does: <c>X-Timestamp</c> in Unix seconds, <c>X-Signature</c> the HMAC-SHA256 of <c>{timestamp}.{body}</c>.</summary>
public static class SignedRequests
{
    public static (string Timestamp, string Signature) Sign(string secret, string body, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return (timestamp, "sha256=" + Convert.ToHexStringLower(mac));
    }
}

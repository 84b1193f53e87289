using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using ElsaM3.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ElsaM3.Identity.Applications;

/// <summary>
/// Authenticates a webhook signed with an application's shared secret: <c>X-Timestamp</c> is Unix seconds,
/// <c>X-Signature</c> is <c>sha256=</c> and the hex HMAC-SHA256 of <c>{timestamp}.{body}</c>. A timestamp outside
/// the window, or a signature already seen within it, is refused.
/// </summary>
internal sealed class SignatureAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApplicationDirectory applications,
    IOptions<IdentityOptions> identity,
    ISignatureReplayGuard replays,
    TimeProvider clock,
    AuditRecorder audit) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Signature";
    public const string SignatureHeader = "X-Signature";
    public const string TimestampHeader = "X-Timestamp";
    private const string Prefix = "sha256=";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var signature = Request.Headers[SignatureHeader].ToString();
        if (string.IsNullOrEmpty(signature)) return AuthenticateResult.NoResult();
        var settings = identity.Value;
        var timestamp = Request.Headers[TimestampHeader].ToString();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return AuthenticateResult.Fail($"{TimestampHeader} must be the Unix time in seconds.");
        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 253402300799));
        if (age.Duration() > settings.SignatureWindow) return AuthenticateResult.Fail("The signature's timestamp is outside the allowed window.");
        var presented = signature.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? signature[Prefix.Length..] : signature;
        if (presented.Length != 64 || !presented.All(Uri.IsHexDigit)) return AuthenticateResult.Fail($"{SignatureHeader} must be sha256= and 64 hex digits.");

        var body = await ReadBodyAsync(settings.MaxSignedBodyBytes);
        if (body is null) return AuthenticateResult.Fail("The body is too large to check its signature.");
        var signed = Concat(Encoding.ASCII.GetBytes(timestamp + "."), body);
        var expected = Convert.FromHexString(presented);
        var app = applications.Signing.FirstOrDefault(a => CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(Encoding.UTF8.GetBytes(a.SigningSecret!), signed), expected));
        if (app is null) return AuthenticateResult.Fail("The signature does not match.");

        // A signature is good once: the same one again within the window (on any node) is a replay.
        if (!await replays.FirstUseAsync(presented.ToLowerInvariant(), clock.GetUtcNow() + settings.SignatureWindow * 2, Context.RequestAborted))
            return AuthenticateResult.Fail("The signature was already used.");
        var principal = ApplicationPrincipal.For(app, SchemeName, "signature");
        await audit.RecordDailyAsync(Context, principal, AuditAction.ApplicationKeyUsed);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>Reads the body (kept for the endpoint to read again), or null when it is over the limit.</summary>
    private async Task<byte[]?> ReadBodyAsync(long limit)
    {
        if (Request.ContentLength > limit) return null;
        Request.EnableBuffering(bufferThreshold: 64 * 1024);
        try
        {
            using var copy = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await Request.Body.ReadAsync(buffer, Context.RequestAborted)) > 0)
            {
                if (copy.Length + read > limit) return null;
                copy.Write(buffer, 0, read);
            }
            return copy.ToArray();
        }
        finally
        {
            Request.Body.Position = 0;
        }
    }

    private static byte[] Concat(byte[] a, byte[] b)
    {
        var all = new byte[a.Length + b.Length];
        a.CopyTo(all, 0);
        b.CopyTo(all, a.Length);
        return all;
    }
}

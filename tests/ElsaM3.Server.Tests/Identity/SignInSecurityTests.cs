using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using ElsaM3.Server.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ElsaM3.Server.Tests.Identity;

/// <summary>Sign-in resists guessing, and only properly formed, current, signed tokens are accepted.</summary>
public sealed class SignInSecurityTests : IAsyncLifetime
{
    private const string SigningKey = "test-signing-key-0123456789abcdefghijklmnopqrstuvwxyz";
    private readonly ElsaM3Application _app = new(settings: new Dictionary<string, string?> { ["ElsaM3:Identity:SigningKey"] = SigningKey });

    // A real session's id and the admin's stamp: a token is only good inside an open session of an unchanged user.
    private string _session = "";
    private string _stamp = "";

    public async Task InitializeAsync()
    {
        var login = await LoginAsync(_app.CreateClient(), "admin", ElsaM3Application.AdminPassword);
        var access = System.Text.Json.Nodes.JsonNode.Parse(await login.Content.ReadAsStringAsync())!["accessToken"]!.GetValue<string>();
        var claims = new JsonWebToken(access);
        (_session, _stamp) = (claims.GetClaim("sid").Value, claims.GetClaim("stamp").Value);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string user, string password) =>
        client.PostAsJsonAsync("/elsa/api/identity/login", new { username = user, password });

    [Fact]
    public async Task FiveWrongPasswords_LockTheUser_EvenAgainstTheRightOne()
    {
        var client = _app.CreateClient();
        for (var i = 0; i < 5; i++) (await LoginAsync(client, "ana", "guess-" + i)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var locked = await LoginAsync(client, "ana", ElsaM3Application.AnalystPassword);

        locked.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        locked.Headers.RetryAfter.ShouldNotBeNull();
        (await LoginAsync(client, "admin", ElsaM3Application.AdminPassword)).StatusCode.ShouldBe(HttpStatusCode.OK, "another user is not locked");
    }

    [Fact]
    public async Task OneAddress_IsRateLimited_AcrossUserNames()
    {
        await using var app = new ElsaM3Application(settings: new Dictionary<string, string?> { ["ElsaM3:Identity:SignIn:PermitPerClientPerMinute"] = "3" });
        var client = app.CreateClient();
        for (var i = 0; i < 3; i++) (await LoginAsync(client, "user" + i, "x")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var limited = await LoginAsync(client, "admin", ElsaM3Application.AdminPassword);

        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await limited.Content.ReadAsStringAsync()).ShouldContain("too many sign-in requests");
    }

    [Fact]
    public async Task OneAddress_IsLockedOut_AfterManyFailuresForDifferentNames()
    {
        await using var app = new ElsaM3Application(settings: new Dictionary<string, string?> { ["ElsaM3:Identity:SignIn:MaxFailuresPerClient"] = "4" });
        var client = app.CreateClient();
        for (var i = 0; i < 4; i++) (await LoginAsync(client, "nobody" + i, "x")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await LoginAsync(client, "admin", ElsaM3Application.AdminPassword)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task AnUnknownUser_CostsTheSameHashingWork_AsAKnownOne()
    {
        await using var app = new ElsaM3Application(settings: new Dictionary<string, string?> { ["ElsaM3:Identity:SignIn:MaxFailuresPerUser"] = "100", ["ElsaM3:Identity:SignIn:MaxFailuresPerClient"] = "100" });
        var client = app.CreateClient();
        await LoginAsync(client, "warm-up", "x");

        async Task<double> MedianMsAsync(string user)
        {
            var times = new List<double>();
            for (var i = 0; i < 7; i++)
            {
                var started = Stopwatch.GetTimestamp();
                (await LoginAsync(client, user, "wrong-" + i)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            return times.Order().ElementAt(3);
        }
        var known = await MedianMsAsync("ana");
        var unknown = await MedianMsAsync("no-such-user");

        // Before the decoy hash an unknown name answered about 40 times faster; now both verify one hash.
        (unknown / known).ShouldBeGreaterThan(0.5, $"known {known:F1} ms, unknown {unknown:F1} ms");
    }

    private string Token(Action<SecurityTokenDescriptor> change, string? key = SigningKey)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = "ElsaM3", Audience = "ElsaM3",
            Claims = new Dictionary<string, object>
            {
                [ClaimTypes.Name] = "admin", [ClaimTypes.Role] = new[] { "admin" }, ["token_type"] = "access", ["sid"] = _session, ["stamp"] = _stamp,
            },
            IssuedAt = DateTime.UtcNow, NotBefore = DateTime.UtcNow.AddSeconds(-1), Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = key is null ? null : new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        };
        change(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private async Task<HttpStatusCode> CallWithAsync(string token)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.GetAsync("/elsa/api/workflow-definitions")).StatusCode;
    }

    [Fact]
    public async Task AWellFormedToken_IsAccepted() => (await CallWithAsync(Token(_ => { }))).ShouldBe(HttpStatusCode.OK);

    [Fact]
    public async Task ASignedTokenOfNoSessionOrAnotherStamp_IsRefused()
    {
        (await CallWithAsync(Token(d => d.Claims.Remove("sid")))).ShouldBe(HttpStatusCode.Unauthorized);
        (await CallWithAsync(Token(d => d.Claims["sid"] = "no-such-session"))).ShouldBe(HttpStatusCode.Unauthorized);
        (await CallWithAsync(Token(d => d.Claims["stamp"] = "0123456789AB"))).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ATokenWithoutExpiry_IsRefused() => (await CallWithAsync(Token(d => d.Expires = null))).ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task ATokenNotYetValid_IsRefused() =>
        (await CallWithAsync(Token(d => { d.NotBefore = DateTime.UtcNow.AddMinutes(10); d.Expires = DateTime.UtcNow.AddMinutes(20); }))).ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task AnExpiredToken_IsRefused() =>
        (await CallWithAsync(Token(d => { d.IssuedAt = DateTime.UtcNow.AddHours(-2); d.NotBefore = DateTime.UtcNow.AddHours(-2); d.Expires = DateTime.UtcNow.AddHours(-1); }))).ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task AnUnsignedOrForeignToken_IsRefused()
    {
        (await CallWithAsync(Token(_ => { }, key: null))).ShouldBe(HttpStatusCode.Unauthorized);
        (await CallWithAsync(Token(_ => { }, key: "some-other-key-0123456789abcdefghijklmnopqrstu"))).ShouldBe(HttpStatusCode.Unauthorized);
    }
}

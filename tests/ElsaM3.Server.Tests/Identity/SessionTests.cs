using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaM3.Server.Tests.Support;

namespace ElsaM3.Server.Tests.Identity;

/// <summary>
/// Sessions end: refresh tokens rotate and a reused one ends its whole session, sign-out ends it on the server, and a
/// password or role change, or the user's removal, ends the user's sessions at once, restarts included.
/// </summary>
public sealed class SessionTests : IAsyncLifetime
{
    private const string Identity = "/elsa/api/identity";
    private const string AdminOnlyRoute = "/api/audit";
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "elsam3-tests", Guid.NewGuid().ToString("N"));
    private ElsaM3Application _app = null!;

    public Task InitializeAsync()
    {
        _app = Start(Bob(roles: ["admin"], password: "bob-first-password"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private ElsaM3Application Start(Dictionary<string, string?> users) => new(_dataDirectory, users);

    // One hash per password, as a council's configuration keeps it from one start to the next.
    private static readonly Dictionary<string, string> Hashes = [];

    private static Dictionary<string, string?> Bob(string[] roles, string password)
    {
        lock (Hashes)
            if (!Hashes.ContainsKey(password)) Hashes[password] = new Microsoft.AspNetCore.Identity.PasswordHasher<string>().HashPassword("bob", password);
        var settings = new Dictionary<string, string?>
        {
            ["ElsaM3:Identity:Users:1:Name"] = "bob",
            ["ElsaM3:Identity:Users:1:PasswordHash"] = Hashes[password],
        };
        for (var i = 0; i < roles.Length; i++) settings[$"ElsaM3:Identity:Users:1:Roles:{i}"] = roles[i];
        return settings;
    }

    private static async Task<(string Access, string Refresh)> SignInAsync(HttpClient client, string user, string password)
    {
        var response = await client.PostAsJsonAsync($"{Identity}/login", new { username = user, password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (body["accessToken"]!.GetValue<string>(), body["refreshToken"]!.GetValue<string>());
    }

    private async Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        await _app.CreateClient().PostAsJsonAsync($"{Identity}/refresh-token", new { refreshToken });

    private async Task<HttpStatusCode> CallAsync(string accessToken, string url = AdminOnlyRoute)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return (await client.GetAsync(url)).StatusCode;
    }

    private static string Field(string json, string name) => JsonNode.Parse(json)![name]!.GetValue<string>();

    [Fact]
    public async Task A_refresh_token_works_once_and_a_reused_one_ends_the_whole_session()
    {
        var (access, first) = await SignInAsync(_app.CreateClient(), "admin", ElsaM3Application.AdminPassword);
        var rotated = await RefreshAsync(first);
        rotated.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await rotated.Content.ReadAsStringAsync();
        var (secondAccess, second) = (Field(body, "accessToken"), Field(body, "refreshToken"));
        second.ShouldNotBe(first);
        (await CallAsync(secondAccess)).ShouldBe(HttpStatusCode.OK);

        (await RefreshAsync(first)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the first token was used already");

        (await RefreshAsync(second)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the reuse ended the session, the newest token with it");
        (await CallAsync(secondAccess)).ShouldBe(HttpStatusCode.Unauthorized);
        (await CallAsync(access)).ShouldBe(HttpStatusCode.Unauthorized);
        var admin = await _app.CreateAdminClientAsync();
        (await admin.GetStringAsync("/api/audit?action=SessionRevoked")).ShouldContain("used twice");
    }

    [Fact]
    public async Task Many_refreshes_with_one_token_at_once_rotate_it_once_and_never_fail_with_a_500()
    {
        var (_, refresh) = await SignInAsync(_app.CreateClient(), "admin", ElsaM3Application.AdminPassword);

        // 25 at once: with the sign-in and the check below, within the 30 identity requests a minute one address may make.
        var answers = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => RefreshAsync(refresh)));

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBeLessThanOrEqualTo(1);
        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.OK || a.StatusCode == HttpStatusCode.Unauthorized);
        // Used more than once: whoever holds the newest token is out too.
        foreach (var ok in answers.Where(a => a.StatusCode == HttpStatusCode.OK))
            (await RefreshAsync(Field(await ok.Content.ReadAsStringAsync(), "refreshToken"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Sign_out_ends_the_session_on_the_server()
    {
        var (access, refresh) = await SignInAsync(_app.CreateClient(), "admin", ElsaM3Application.AdminPassword);
        (await CallAsync(access)).ShouldBe(HttpStatusCode.OK);

        (await _app.CreateClient().PostAsJsonAsync($"{Identity}/logout", new { refreshToken = refresh })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await CallAsync(access)).ShouldBe(HttpStatusCode.Unauthorized);
        (await RefreshAsync(refresh)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var admin = await _app.CreateAdminClientAsync();
        (await admin.GetStringAsync("/api/audit?action=SignOut")).ShouldContain("\"actor\":\"admin\"");
    }

    [Fact]
    public async Task Studio_keeps_its_refresh_token_in_an_http_only_cookie_that_rotates_and_signs_out()
    {
        var client = _app.CreateClient();
        var login = await client.PostAsJsonAsync($"{Identity}/login?useCookie=true", new { username = "admin", password = ElsaM3Application.AdminPassword });
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonNode.Parse(await login.Content.ReadAsStringAsync())!["refreshToken"].ShouldBeNull("no script sees the refresh token");
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("elsam3_refresh=", StringComparison.Ordinal));
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=strict", Case.Insensitive);
        cookie.ShouldContain("path=/elsa/api/identity", Case.Insensitive);

        var refreshed = await client.PostAsJsonAsync($"{Identity}/refresh-token", new { });
        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var access = Field(await refreshed.Content.ReadAsStringAsync(), "accessToken");
        refreshed.Headers.GetValues("Set-Cookie").Single().ShouldNotBe(cookie, "the cookie's token rotated");
        (await CallAsync(access)).ShouldBe(HttpStatusCode.OK);

        (await client.PostAsJsonAsync($"{Identity}/logout", new { })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.PostAsJsonAsync($"{Identity}/refresh-token", new { })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await CallAsync(access)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Sessions_outlive_a_restart_but_not_a_demotion_a_password_change_or_a_removal()
    {
        var (adminAccess, _) = await SignInAsync(_app.CreateClient(), "admin", ElsaM3Application.AdminPassword);
        var (bobAccess, bobRefresh) = await SignInAsync(_app.CreateClient(), "BOB", "bob-first-password");
        (await CallAsync(bobAccess)).ShouldBe(HttpStatusCode.OK);

        // Restarted as it was: both sessions carry on.
        await _app.DisposeAsync();
        _app = Start(Bob(roles: ["admin"], password: "bob-first-password"));
        (await CallAsync(adminAccess)).ShouldBe(HttpStatusCode.OK);
        (await CallAsync(bobAccess)).ShouldBe(HttpStatusCode.OK);

        // Demoted to analyst: the admin token loses admin at once, and is no analyst token either.
        await _app.DisposeAsync();
        _app = Start(Bob(roles: ["analyst"], password: "bob-first-password"));
        (await CallAsync(bobAccess)).ShouldBe(HttpStatusCode.Unauthorized);
        (await CallAsync(bobAccess, "/elsa/api/workflow-definitions")).ShouldBe(HttpStatusCode.Unauthorized);
        (await RefreshAsync(bobRefresh)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var (analystAccess, analystRefresh) = await SignInAsync(_app.CreateClient(), "bob", "bob-first-password");
        (await CallAsync(analystAccess, "/elsa/api/workflow-definitions")).ShouldBe(HttpStatusCode.OK);

        // A new password ends that session too.
        await _app.DisposeAsync();
        _app = Start(Bob(roles: ["analyst"], password: "bob-second-password"));
        (await CallAsync(analystAccess, "/elsa/api/workflow-definitions")).ShouldBe(HttpStatusCode.Unauthorized);
        (await RefreshAsync(analystRefresh)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // Removed from configuration: nothing of bob's works.
        var (lastAccess, _) = await SignInAsync(_app.CreateClient(), "bob", "bob-second-password");
        await _app.DisposeAsync();
        _app = Start([]);
        (await CallAsync(lastAccess, "/elsa/api/workflow-definitions")).ShouldBe(HttpStatusCode.Unauthorized);
        (await CallAsync(adminAccess)).ShouldBe(HttpStatusCode.OK, "the admin's session was never touched");
    }

    [Fact]
    public async Task User_names_are_one_user_whatever_their_casing()
    {
        var client = await ElsaM3Application.SignInAsync(_app.CreateClient(), "ANA", ElsaM3Application.AnalystPassword);
        (await client.PutAsJsonAsync("/api/test-cases/current", new { sample = "noise-complaint" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var lower = await _app.CreateAnalystClientAsync();
        (await lower.GetStringAsync("/api/test-cases")).ShouldContain("\"name\":\"noise-complaint\"");

        var admin = await _app.CreateAdminClientAsync();
        var signIns = JsonNode.Parse(await admin.GetStringAsync("/api/audit?action=SignIn"))!["items"]!.AsArray();
        signIns.ShouldContain(e => e!["actor"]!.GetValue<string>() == "ana" && e["actorKind"]!.GetValue<string>() == "User");
        signIns.ShouldNotContain(e => e!["actor"]!.GetValue<string>() == "ANA");
    }
}

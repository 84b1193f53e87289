using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaM3.Server.Tests.Support;

namespace ElsaM3.Server.Tests.Identity;

public sealed class SignInTests : IAsyncLifetime
{
    private readonly ElsaM3Application _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/elsa/api/workflow-definitions")]
    [InlineData("/elsa/api/descriptors/activities")]
    [InlineData("/elsa/api/workflow-instances/x")]
    [InlineData("/elsa/api/features/installed")]
    public async Task ApiWithoutToken_Is401(string url)
    {
        (await _app.CreateClient().GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task HttpWorkflows_DoNotNeedASignIn()
    {
        (await _app.CreateClient().GetAsync("/workflows/hello")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task WrongPassword_Is401_MissingName_Is400()
    {
        var client = _app.CreateClient();

        (await client.PostAsJsonAsync("/elsa/api/identity/login", new { username = "admin", password = "nope" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var missing = await client.PostAsJsonAsync("/elsa/api/identity/login", new { password = "x" });
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("username");
    }

    [Fact]
    public async Task Analyst_CanReadAndEdit_ButNotDelete()
    {
        var analyst = await _app.CreateAnalystClientAsync();

        (await analyst.GetAsync("/elsa/api/workflow-definitions")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await analyst.DeleteAsync("/elsa/api/workflow-instances/some-id")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await analyst.PostAsJsonAsync("/elsa/api/alterations/workflows/retry", new { workflowInstanceIds = new[] { "x" } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var admin = await _app.CreateAdminClientAsync();
        (await admin.DeleteAsync("/elsa/api/workflow-instances/some-id")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RefreshToken_GivesANewAccessToken_AndIsNotAnAccessToken()
    {
        var client = _app.CreateClient();
        var login = JsonNode.Parse(await (await client.PostAsJsonAsync("/elsa/api/identity/login",
            new { username = "admin", password = ElsaM3Application.AdminPassword })).Content.ReadAsStringAsync())!;
        var refreshToken = login["refreshToken"]!.GetValue<string>();

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", refreshToken);
        (await client.GetAsync("/elsa/api/workflow-definitions")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var refreshed = await client.PostAsJsonAsync("/elsa/api/identity/refresh-token", new { refreshToken });
        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var access = JsonNode.Parse(await refreshed.Content.ReadAsStringAsync())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        (await client.GetAsync("/elsa/api/workflow-definitions")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    // The data folder keeps generated credentials on SQLite (on PostgreSQL the database does: TwoNodeTests).
    private static Dictionary<string, string?> GeneratedAdminOnSqlite()
    {
        var settings = TestStore.PinnedToSqlite();
        settings["ElsaM3:Identity:AdminPassword"] = "";
        return settings;
    }

    [Fact]
    public async Task AdminPassword_IsGeneratedOnce_AndKeptHashedInTheDataFolder()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "elsam3-tests", Guid.NewGuid().ToString("N"));
        await using (var app = new ElsaM3Application(dataDirectory, GeneratedAdminOnSqlite()))
            (await app.CreateClient().GetAsync("/elsa/api/workflow-definitions")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var file = Path.Combine(dataDirectory, "admin-password.json");
        File.Exists(file).ShouldBeTrue();
        var stored = await File.ReadAllTextAsync(file);
        stored.ShouldContain("passwordHash", Case.Insensitive);
        File.Exists(Path.Combine(dataDirectory, "signing.key")).ShouldBeTrue();

        await using var again = new ElsaM3Application(dataDirectory, GeneratedAdminOnSqlite());
        (await again.CreateClient().GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await File.ReadAllTextAsync(file)).ShouldBe(stored);
    }
}

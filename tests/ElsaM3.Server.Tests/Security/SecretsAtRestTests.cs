using System.Net;
using System.Net.Http.Json;
using ElsaM3.Server.Tests.M3pp;
using ElsaM3.Server.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ElsaM3.Server.Tests.Security;

/// <summary>What the server keeps on disk is the server's alone, and stored API keys are encrypted and never returned.</summary>
public sealed class SecretsAtRestTests
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task TheDataFolder_And_ItsKeysHashesAndDatabase_AreOwnerOnly()
    {
        // Nothing chosen in configuration: the admin password, CXM key and signing key are generated into the folder.
        await using var app = new ElsaM3Application(settings: new Dictionary<string, string?> { ["ElsaM3:Identity:AdminPassword"] = "", ["ElsaM3:Identity:CxmApiKey"] = "" });
        (await app.CreateClient().GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);

        File.GetUnixFileMode(app.DataDirectory).ShouldBe(OwnerOnlyFolder);
        foreach (var name in new[] { "elsam3.db", "signing.key", "admin-password.json", "cxm-api-key.json" })
            File.GetUnixFileMode(Path.Combine(app.DataDirectory, name)).ShouldBe(OwnerOnlyFile, name);
        var keyFiles = Directory.GetFiles(Path.Combine(app.DataDirectory, "keys"));
        keyFiles.ShouldNotBeEmpty();
        foreach (var file in keyFiles) File.GetUnixFileMode(file).ShouldBe(OwnerOnlyFile, file);
        (await File.ReadAllTextAsync(Path.Combine(app.DataDirectory, "cxm-api-key.json"))).ShouldContain("sha256:");
    }

    private static async Task<string> StoredSettingsAsync(ElsaM3Application app)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "elsam3.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Value FROM Settings WHERE Key = 'm3pp.settings'";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task HubisAndCxmKeys_AreStoredEncrypted_AndNeverReturned()
    {
        await using var kit = await M3ppKit.StartAsync();

        var saved = await kit.Admin.PutAsJsonAsync("/api/settings/m3pp", new { hubisApiKey = M3ppKit.ApiKey, cxmApiKey = M3ppKit.ApiKey });

        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        (await saved.Content.ReadAsStringAsync()).ShouldNotContain(M3ppKit.ApiKey);
        (await kit.Admin.GetStringAsync("/api/settings/m3pp")).ShouldNotContain(M3ppKit.ApiKey);
        var stored = await StoredSettingsAsync(kit.App);
        stored.ShouldNotContain(M3ppKit.ApiKey);
        stored.ShouldContain("\"hubisApiKey\":\"dp:");
        // The encrypted key still works: a case goes through to M3 and back.
        var instanceId = await kit.SendCaseAsync("noise-complaint", M3ppKit.SampleCase("noise-complaint"));
        await kit.Admin.WaitForAsync(instanceId, "Finished");
    }

    [Fact]
    public async Task ChangingAConnectionsUrl_NeedsItsKeyAgain_SoTheStoredKeyNeverGoesToANewHost()
    {
        await using var kit = await M3ppKit.StartAsync();
        var before = await kit.Admin.GetStringAsync("/api/settings/m3pp");

        var hubis = await kit.Admin.PutAsJsonAsync("/api/settings/m3pp", new { hubisBaseUrl = "https://attacker.example/" });
        var cxm = await kit.Admin.PutAsJsonAsync("/api/settings/m3pp", new { cxmBaseUrl = "https://attacker.example/" });

        hubis.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await hubis.Content.ReadAsStringAsync()).ShouldContain("hubisApiKey is required when hubisBaseUrl changes");
        cxm.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await cxm.Content.ReadAsStringAsync()).ShouldContain("cxmApiKey is required when cxmBaseUrl changes");
        (await kit.Admin.GetStringAsync("/api/settings/m3pp")).ShouldBe(before);
    }
}

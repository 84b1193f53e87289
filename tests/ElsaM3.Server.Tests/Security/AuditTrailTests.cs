using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaM3.Server.Tests.M3pp;
using ElsaM3.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using static ElsaM3.Server.Tests.Support.Workflows;

namespace ElsaM3.Server.Tests.Security;

/// <summary>Who did what, when, from where: sign-ins, definition and instance changes, settings and key use.</summary>
public sealed class AuditTrailTests
{
    private static async Task<JsonArray> EntriesAsync(HttpClient admin, string query = "") =>
        (await admin.GetJsonAsync("/api/audit?pageSize=500" + query))["items"]!.AsArray();

    private static JsonNode? Find(JsonArray entries, string action, string? target = null) =>
        entries.FirstOrDefault(e => e!["action"]!.GetValue<string>() == action && (target is null || e["target"]?.GetValue<string>() == target));

    [Fact]
    public async Task SignIns_Successful_And_Failed_AreRecorded_WithTheNameTried()
    {
        await using var app = new ElsaM3Application();
        await app.CreateClient().PostAsJsonAsync("/elsa/api/identity/login", new { username = "ana", password = "wrong" });
        var admin = await app.CreateAdminClientAsync();

        var entries = await EntriesAsync(admin);

        Find(entries, "SignInFailed")!["actor"]!.GetValue<string>().ShouldBe("ana");
        var signIn = Find(entries, "SignIn")!;
        signIn["actor"]!.GetValue<string>().ShouldBe("admin");
        signIn["timestamp"].ShouldNotBeNull();
        entries.ToJsonString().ShouldNotContain("wrong");
        entries.ToJsonString().ShouldNotContain(ElsaM3Application.AdminPassword);
    }

    [Fact]
    public async Task DefinitionAndInstanceChanges_AreRecorded_WithWhoDidThem()
    {
        await using var app = new ElsaM3Application();
        var admin = await app.CreateAdminClientAsync();
        var analyst = await app.CreateAnalystClientAsync();
        var waiting = WaitForPost("wait", "audited/next");
        await analyst.PublishAsync(HttpWorkflow("audited", "audited/start", "POST", waiting, Connect("ep", "wait")));
        await analyst.PostJsonAsync($"{ApiClient.Api}/workflow-definitions/audited/retract", new { });
        await analyst.PostJsonAsync($"{ApiClient.Api}/workflow-definitions/audited/publish", new { });
        var started = await app.CreateClient().PostAsync("/workflows/audited/start", JsonContent.Create(new { }));
        var instanceId = started.Headers.GetValues("x-elsa-workflow-instance-id").Single();
        (await analyst.PostAsync($"{ApiClient.Api}/cancel/workflow-instances/{instanceId}", null)).EnsureSuccessStatusCode();
        (await admin.DeleteAsync($"{ApiClient.Api}/workflow-instances/{instanceId}")).EnsureSuccessStatusCode();
        (await admin.DeleteAsync($"{ApiClient.Api}/workflow-definitions/audited")).EnsureSuccessStatusCode();

        var entries = await EntriesAsync(admin);

        foreach (var (action, target, actor) in new[]
                 {
                     ("DefinitionPublished", "audited", "ana"), ("DefinitionRetracted", "audited", "ana"), ("InstanceCancelled", instanceId, "ana"),
                     ("InstanceDeleted", instanceId, "admin"), ("DefinitionDeleted", "audited", "admin"),
                 })
        {
            var entry = Find(entries, action, target);
            entry.ShouldNotBeNull($"{action} {target}: {entries.ToJsonString()}");
            entry!["actor"]!.GetValue<string>().ShouldBe(actor);
            entry["actorKind"]!.GetValue<string>().ShouldBe("User");
        }
        entries.Count(e => e!["action"]!.GetValue<string>() == "DefinitionPublished").ShouldBe(2);
    }

    [Fact]
    public async Task SettingsChanges_NameTheFields_NeverTheKeys_AndTheCxmKeyIsRecordedOnceADay()
    {
        await using var kit = await M3ppKit.StartAsync();
        (await kit.Admin.PutAsJsonAsync("/api/settings/m3pp", new { hubisApiKey = M3ppKit.ApiKey, timeoutSeconds = 12 })).EnsureSuccessStatusCode();
        await kit.SendCaseAsync("noise-complaint", M3ppKit.SampleCase("noise-complaint"));
        var second = M3ppKit.SampleCase("noise-complaint");
        second["reference"] = "101004567891";
        await kit.SendCaseAsync("noise-complaint", second);

        var entries = await EntriesAsync(kit.Admin);

        var settings = Find(entries, "SettingsChanged", "m3pp")!;
        settings["detail"]!.GetValue<string>().ShouldBe("changed: hubisApiKey, timeoutSeconds");
        entries.ToJsonString().ShouldNotContain(M3ppKit.ApiKey);
        var keyUse = entries.Where(e => e!["action"]!.GetValue<string>() == "ApplicationKeyUsed").ToList();
        keyUse.Count.ShouldBe(1);
        keyUse[0]!["actor"]!.GetValue<string>().ShouldBe("cxm");
        keyUse[0]!["actorKind"]!.GetValue<string>().ShouldBe("Application");
    }

    [Fact]
    public async Task OnlyAdmins_ReadTheTrail_AndBadFiltersAre400()
    {
        await using var app = new ElsaM3Application();
        var analyst = await app.CreateAnalystClientAsync();
        var admin = await app.CreateAdminClientAsync();

        (await analyst.GetAsync("/api/audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var bad = await admin.GetAsync("/api/audit?action=Explode");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("action");
        (await admin.GetAsync("/api/audit?pageSize=0")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.GetJsonAsync("/api/audit?action=SignIn&actor=ana"))["totalCount"]!.GetValue<long>().ShouldBe(1);
    }

    [Fact]
    public async Task EntriesOlderThanTheRetentionPeriod_AreDeleted()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new ElsaM3Application(
            settings: new Dictionary<string, string?> { ["ElsaM3:Audit:Retention"] = "30.00:00:00", ["ElsaM3:Audit:SweepInterval"] = "1.00:00:00" },
            services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        var admin = await app.CreateAdminClientAsync();
        (await EntriesAsync(admin, "&action=SignIn")).Count.ShouldBe(1);

        clock.Advance(TimeSpan.FromDays(20));
        admin = await app.CreateAdminClientAsync();
        clock.Advance(TimeSpan.FromDays(11));
        admin = await app.CreateAdminClientAsync();

        var deadline = DateTime.UtcNow.AddSeconds(10);
        JsonArray signIns;
        while ((signIns = await EntriesAsync(admin, "&action=SignIn")).Count != 2)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The first sign-in was not deleted: {signIns.ToJsonString()}");
            await Task.Delay(50);
        }
        signIns.Select(e => DateTimeOffset.Parse(e!["timestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture))
            .ShouldAllBe(t => t > clock.GetUtcNow().AddDays(-30));
    }
}

using System.Text.Json.Nodes;
using ElsaM3.Server.Tests.Support;

namespace ElsaM3.Browser.Tests;

/// <summary>
/// An admin who follows a crafted sign-in link stays in Studio, a workflow's HTML answer runs no script in Studio's
/// origin, and no token leaves the page: the refresh token is not even readable by the page's own script.
/// </summary>
public sealed class SandboxedWorkflowTests : IAsyncLifetime
{
    private readonly StudioBrowser _studio = new();

    public Task InitializeAsync() => _studio.InitializeAsync();

    public Task DisposeAsync() => _studio.DisposeAsync();

    private const string Thief = "<script>document.title = 'ran'; fetch('/workflows/steal?t=' + encodeURIComponent(sessionStorage.getItem('elsam3.auth') + document.cookie));</script>";

    private static string EvilWorkflow() => Server.Tests.Support.Workflows.HttpWorkflow("evil", "evil", "GET", new JsonObject
    {
        ["id"] = "r", ["type"] = "Elsa.WriteHttpResponse", ["version"] = 1,
        ["content"] = new JsonObject { ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = Thief } },
        ["contentType"] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = "text/html" } },
    }.ToJsonString(), Server.Tests.Support.Workflows.Connect("ep", "r"));

    [Fact]
    public async Task A_crafted_return_link_keeps_the_admin_in_studio_and_a_workflows_script_never_runs_in_its_origin()
    {
        var admin = await ElsaM3Application.SignInAsync(new HttpClient { BaseAddress = _studio.Server.Address }, "admin", ElsaM3Application.AdminPassword);
        await admin.PublishAsync(EvilWorkflow());
        var page = _studio.Page;
        var leaks = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/steal", StringComparison.Ordinal) || !request.Url.StartsWith(_studio.Server.Address.ToString(), StringComparison.Ordinal))
                leaks.Add(request.Url);
        };

        await page.GotoAsync(_studio.Url("/studio/sign-in?returnUrl=/studio/../workflows/evil"));
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", ElsaM3Application.AdminPassword);
        await page.ClickAsync("#sign-in");
        await _studio.WaitForPathAsync("/studio/workflows");
        await _studio.ScreenshotAsync("crafted-link-stays-in-studio");

        await page.GotoAsync(_studio.Url("/studio/sign-in"));
        foreach (var crafted in new[] { "/studio/../workflows/evil", "/studio/%2e%2e/workflows/evil", "/studio/%252e%252e/workflows/evil", "/studio/..%2fworkflows/evil",
                     "/studio/.%2e/workflows/evil", "//attacker.example/studio/", "/studio//attacker.example", "/studio/\\attacker.example", "https://attacker.example/studio/" })
            (await page.EvaluateAsync<string>("u => window.elsam3SafeReturnUrl(u)", crafted)).ShouldBe("/studio/workflows", crafted);
        (await page.EvaluateAsync<string>("u => window.elsam3SafeReturnUrl(u)", "/studio/workflows/instances?page=2")).ShouldBe("/studio/workflows/instances?page=2");

        // Studio's own page: the session's refresh token is in no storage a script can read.
        await page.GotoAsync(_studio.Url("/studio/workflows"));
        await page.WaitForSelectorAsync("elsa-workflow-definition-list");
        (await page.EvaluateAsync<string>("() => document.cookie")).ShouldNotContain("elsam3_refresh");
        (await page.EvaluateAsync<string>("() => sessionStorage.getItem('elsam3.auth')")).ShouldNotContain("refresh", Case.Insensitive);

        // The workflow's page itself, opened by the signed-in admin: sandboxed, its script does not run.
        await page.GotoAsync(_studio.Url("/workflows/evil"));
        await _studio.ScreenshotAsync("workflow-page-sandboxed");
        (await page.TitleAsync()).ShouldNotBe("ran");
        leaks.ShouldBeEmpty();
    }
}

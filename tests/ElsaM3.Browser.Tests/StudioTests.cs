using Microsoft.Playwright;

namespace ElsaM3.Browser.Tests;

/// <summary>What a person sees in Studio, step by step, with a screenshot of each screen.</summary>
public sealed class StudioTests : IAsyncLifetime
{
    private readonly StudioBrowser _studio = new();

    public Task InitializeAsync() => _studio.InitializeAsync();

    public Task DisposeAsync() => _studio.DisposeAsync();

    private static readonly PageWaitForSelectorOptions Slow = new() { Timeout = 90_000 };

    [Fact]
    public async Task SignIn_ListWorkflows_OpenEditor_FindInstanceAndJournal_SignOut()
    {
        var page = _studio.Page;

        // Studio is behind sign-in.
        await page.GotoAsync(_studio.Url("/"));
        await page.WaitForURLAsync("**/studio/sign-in**");
        await _studio.ScreenshotAsync("sign-in");
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", "wrong");
        await page.ClickAsync("#sign-in");
        await page.WaitForSelectorAsync("#sign-in-error:has-text('wrong')");
        (await page.TextContentAsync("#sign-in-error"))!.ShouldBe("The user name or password is wrong.");

        // Signing in lands on the workflow list, which shows the sample workflow.
        await _studio.SignInAsync();
        await _studio.WaitForPathAsync("/studio/workflows");
        await page.WaitForSelectorAsync("text=Hello world", Slow);
        (await page.TextContentAsync("#signed-in-user")).ShouldBe("admin");
        await _studio.ScreenshotAsync("workflow-list");

        // The editor renders the sample's activities on the canvas.
        await page.GotoAsync(_studio.Url("/studio/workflows/definitions/hello-world/edit"));
        await page.WaitForSelectorAsync("text=HttpEndpoint1", Slow);
        await page.WaitForSelectorAsync("text=WriteHttpResponse1", Slow);
        await _studio.ScreenshotAsync("editor");

        // A run of the sample shows up in the instance list and opens in the viewer with its journal.
        using var http = new HttpClient();
        var response = await http.GetAsync(_studio.Url("/workflows/hello?name=Studio"));
        var instanceId = response.Headers.GetValues("x-elsa-workflow-instance-id").Single();
        await page.GotoAsync(_studio.Url("/studio/workflows/instances"));
        await page.WaitForSelectorAsync($"text={instanceId}", Slow);
        await _studio.ScreenshotAsync("instance-list");
        await page.GotoAsync(_studio.Url($"/studio/workflows/instances/{instanceId}/view"));
        await page.WaitForSelectorAsync("text=Journal", Slow);
        await page.WaitForSelectorAsync("text=WriteHttpResponse1", Slow);
        await _studio.ScreenshotAsync("instance-viewer");

        // Signing out goes back to sign-in, and Studio is closed again.
        await page.ClickAsync("#sign-out");
        await page.WaitForURLAsync("**/studio/sign-in**");
        await page.GotoAsync(_studio.Url("/studio/workflows"));
        await page.WaitForURLAsync("**/studio/sign-in**");
        await _studio.ScreenshotAsync("signed-out");

        _studio.FailedCalls.Where(c => !c.Contains("/identity/login")).ShouldBeEmpty(); // the wrong password above is the only expected failure
        (await page.IsVisibleAsync("#blazor-error-ui")).ShouldBeFalse();
    }
}

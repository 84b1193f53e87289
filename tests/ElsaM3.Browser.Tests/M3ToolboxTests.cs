using Microsoft.Playwright;

namespace ElsaM3.Browser.Tests;

/// <summary>The M3 activities in Studio: their own toolbox category, and a sample rule workflow drawn with them.</summary>
public sealed class M3ToolboxTests : IAsyncLifetime
{
    private readonly StudioBrowser _studio = new();
    private static readonly PageWaitForSelectorOptions Slow = new() { Timeout = 90_000 };

    public Task InitializeAsync() => _studio.InitializeAsync();

    public Task DisposeAsync() => _studio.DisposeAsync();

    [Fact]
    public async Task The_noise_sample_opens_in_the_designer_and_the_toolbox_lists_the_six_M3_activities()
    {
        var page = _studio.Page;
        await _studio.SignInAsync();
        await _studio.WaitForPathAsync("/studio/workflows");
        await page.WaitForSelectorAsync("text=M3 – create noise worksheet", Slow);

        await page.GotoAsync(_studio.Url("/studio/workflows/definitions/noise-complaint/edit"));
        await page.WaitForSelectorAsync("text=CreateNoiseWorksheet", Slow);
        await page.WaitForSelectorAsync("text=PullBackTargetDateAndOfficer", Slow);

        // The category shows whole ("/" would make Studio nest it), with the case trigger next to the six activities.
        await page.GetByText("M3PP Assure", new() { Exact = true }).ClickAsync();
        foreach (var activity in new[] { "CXM Case Received", "Create Worksheet", "Create Asset", "Update Attribute by Property", "Update Attribute by Keys", "Pull Back Worksheet", "Pull Back Asset" })
            await page.Locator($"[draggable=true]:has-text('{activity}')").First.WaitForAsync(new() { Timeout = 30_000 });
        await _studio.ScreenshotAsync("m3-toolbox");

        // Selecting the create activity shows its mapping inputs.
        await page.Locator("g.x6-node:has(p.activity-label:text-is('CreateNoiseWorksheet'))").ClickAsync();
        await page.WaitForSelectorAsync("label:text-is('Subject UPRN')", Slow);
        await page.WaitForSelectorAsync("label:text-is('Task code')", Slow);
        await _studio.ScreenshotAsync("m3-create-worksheet-inputs");

        // The retry policy shows on the activity's Resilience tab.
        await page.Locator(".mud-tab:has-text('Resilience')").ClickAsync();
        await page.Locator(".mud-select:has-text('Resilience Strategy')").First.ClickAsync();
        await page.WaitForSelectorAsync("text=M3 integration: 16 attempts in the background", Slow);
        await _studio.ScreenshotAsync("m3-create-worksheet-resilience");

        _studio.FailedCalls.ShouldBeEmpty();
        (await page.IsVisibleAsync("#blazor-error-ui")).ShouldBeFalse(string.Join("\n", _studio.ConsoleErrors));
    }
}

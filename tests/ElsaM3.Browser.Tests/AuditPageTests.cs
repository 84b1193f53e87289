using Microsoft.Playwright;

namespace ElsaM3.Browser.Tests;

/// <summary>An admin signs in, publishes a workflow in the designer and finds both in the audit trail.</summary>
public sealed class AuditPageTests : IAsyncLifetime
{
    private readonly StudioBrowser _studio = new();
    private static readonly PageWaitForSelectorOptions Slow = new() { Timeout = 90_000 };

    public Task InitializeAsync() => _studio.InitializeAsync();

    public Task DisposeAsync() => _studio.DisposeAsync();

    [Fact]
    public async Task An_admin_publishes_a_workflow_and_sees_it_and_the_sign_in_in_the_audit_trail()
    {
        var page = _studio.Page;
        await _studio.SignInAsync();
        await page.WaitForSelectorAsync("text=Hello world", Slow);

        await page.GetByText("Create workflow").ClickAsync();
        var nameInput = page.Locator(".mud-dialog input").First;
        await Assertions.Expect(nameInput).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Workflow"), new() { Timeout = 30000 });
        var name = await nameInput.InputValueAsync();
        await page.Locator(".mud-dialog button:has-text('Ok')").ClickAsync();
        await page.WaitForURLAsync("**/edit", new() { Timeout = 60000 });
        await page.WaitForSelectorAsync(".x6-graph", Slow);
        var toolbar = page.Locator(".x6-graph").First
            .Locator("xpath=ancestor::div[contains(@class,'mud-tabs-panels') or contains(@class,'mud-tab-panel')][1]").Locator("button:visible");
        await toolbar.Nth(4).ClickAsync(new() { Force = true }); // the cloud: publish
        await page.WaitForSelectorAsync("text=Workflow published", Slow);
        await _studio.ScreenshotAsync("audit-published");

        await page.GotoAsync(_studio.Url("/studio/audit"));
        await page.WaitForSelectorAsync("#audit tbody tr.audit-definitionpublished");
        var published = page.Locator("#audit tbody tr.audit-definitionpublished").First;
        (await published.Locator("td").Nth(1).TextContentAsync()).ShouldBe("admin");
        (await published.Locator("td").Nth(5).TextContentAsync())!.ShouldContain($"'{name}' version 1");
        (await page.Locator("#audit tbody tr.audit-signin td:nth-child(2)").First.TextContentAsync()).ShouldBe("admin");
        await _studio.ScreenshotAsync("audit-trail");

        await page.SelectOptionAsync("#filter-action", "SignIn");
        await page.ClickAsync("#search");
        // The test harness signs in once through the API too: every row left is a sign-in.
        await Assertions.Expect(page.Locator("#audit tbody tr:not(.audit-signin)")).ToHaveCountAsync(0);
        (await page.Locator("#audit tbody tr.audit-signin").CountAsync()).ShouldBe(2);

        _studio.FailedCalls.ShouldBeEmpty();
        _studio.ConsoleErrors.Where(e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty();
        _studio.BypassContentSecurityPolicy.ShouldBeFalse("this test proves Studio works under its CSP");
        (await page.IsVisibleAsync("#blazor-error-ui")).ShouldBeFalse();
    }
}

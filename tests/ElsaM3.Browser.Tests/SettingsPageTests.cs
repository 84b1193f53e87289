
namespace ElsaM3.Browser.Tests;

/// <summary>The integration's General tab: an admin saves settings, and a connection check that fails keeps the old ones.</summary>
public sealed class SettingsPageTests : IAsyncLifetime
{
    private readonly StudioBrowser _studio = new() { BypassContentSecurityPolicy = true };

    public Task InitializeAsync() => _studio.InitializeAsync();

    public Task DisposeAsync() => _studio.DisposeAsync();

    [Fact]
    public async Task An_admin_is_refused_an_unknown_external_reference_field_then_saves_and_disables_the_integration()
    {
        var page = _studio.Page;
        await _studio.SignInAsync();
        await _studio.WaitForPathAsync("/studio/workflows");
        await page.ClickAsync("#nav-settings");
        await page.WaitForURLAsync("**/studio/settings");
        await page.WaitForFunctionAsync("() => document.getElementById('externalReferenceField').value === 'EXTREF'");
        (await page.IsCheckedAsync("#enabled")).ShouldBeTrue();
        (await page.GetAttributeAsync("#hubisApiKey", "placeholder")).ShouldBe("set – leave blank to keep it");
        (await page.InputValueAsync("#hubisApiKey")).ShouldBeEmpty();
        await _studio.ScreenshotAsync("settings");

        await page.FillAsync("#externalReferenceField", "CXMREF");
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#settings-status.elsam3-error");
        (await page.TextContentAsync("#settings-status"))!.ShouldStartWith(
            "Not saved: The worksheet external reference field 'CXMREF' is not a worksheet field in M3 (known: EXTREF, NOISETYPE");
        await _studio.ScreenshotAsync("settings-refused");

        await page.FillAsync("#externalReferenceField", "EXTREF");
        await page.FillAsync("#timeoutSeconds", "20");
        (await page.InputValueAsync("#changeStrategy")).ShouldBe("FeedElsePoll");
        await page.SelectOptionAsync("#changeStrategy", "Poll");
        await page.FillAsync("#pollIntervalSeconds", "5");
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#settings-status:text-is('Saved.')");

        await page.UncheckAsync("#enabled");
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#settings-status:text-is('Saved.')");
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('timeoutSeconds').value === '20'");
        (await page.IsCheckedAsync("#enabled")).ShouldBeFalse();
        (await page.InputValueAsync("#changeStrategy")).ShouldBe("Poll");
        (await page.InputValueAsync("#pollIntervalSeconds")).ShouldBe("5");
        await _studio.ScreenshotAsync("settings-saved");

        // The refused save is the only call that failed.
        _studio.FailedCalls.ShouldHaveSingleItem().ShouldStartWith("422 PUT");
    }
}

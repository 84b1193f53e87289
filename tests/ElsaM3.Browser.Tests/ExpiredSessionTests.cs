namespace ElsaM3.Browser.Tests;

/// <summary>An expired session brings the person back to sign-in, never to a broken page.</summary>
public sealed class ExpiredSessionTests : IAsyncLifetime
{
    // Short enough to wait out, long enough that a slow first load of Studio on a busy CI machine still finds the
    // session alive (token expiry is in whole seconds, so a lifetime of 3 s can be barely 2).
    private readonly StudioBrowser _studio = new("--ElsaM3:Identity:AccessTokenLifetime=00:00:05", "--ElsaM3:Identity:RefreshTokenLifetime=00:00:08");

    public Task InitializeAsync() => _studio.InitializeAsync();

    public Task DisposeAsync() => _studio.DisposeAsync();

    [Fact]
    public async Task ExpiredTokens_LeadBackToSignIn_AndSigningInAgainReturnsToThePage()
    {
        var page = _studio.Page;
        await _studio.SignInAsync();
        await _studio.WaitForPathAsync("/studio/workflows");

        await Task.Delay(TimeSpan.FromSeconds(9)); // both tokens expire
        await page.GotoAsync(_studio.Url("/studio/workflows/instances"));

        await page.WaitForURLAsync("**/studio/sign-in?returnUrl=%2Fstudio%2Fworkflows%2Finstances");
        await _studio.ScreenshotAsync("expired-session-sign-in");
        (await page.IsVisibleAsync("#blazor-error-ui")).ShouldBeFalse();
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", Server.Tests.Support.ElsaM3Application.AdminPassword);
        await page.ClickAsync("#sign-in");
        await _studio.WaitForPathAsync("/studio/workflows/instances");
    }
}

using ElsaM3.Server.Tests.Support;
using Microsoft.Playwright;

namespace ElsaM3.Browser.Tests;

/// <summary>
/// The server as a process plus Debian's headless Chromium driven by Playwright. Records every failed API call
/// and every error message in the browser console, and keeps a screenshot of each step under <c>screenshots/</c>.
/// </summary>
public sealed class StudioBrowser(params string[] serverArgs) : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private int _shot;

    public ServerProcess Server { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public IPage Page { get; private set; } = null!;
    public List<string> FailedCalls { get; } = [];
    public List<string> ConsoleErrors { get; } = [];
    public string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>
    /// Lets the test's own string expressions run (Playwright's <c>WaitForFunctionAsync</c> evaluates them in the page,
    /// which Studio's Content-Security-Policy forbids). Off by default, so most browser tests run Studio under its CSP.
    /// </summary>
    public bool BypassContentSecurityPolicy { get; init; }

    public async Task InitializeAsync()
    {
        var chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("Debian's chromium is not installed: run `apt-get install -y chromium` (./test.sh does it).");
        Server = await ServerProcess.StartAsync(Path.Combine(Path.GetTempPath(), "elsam3-browser", Guid.NewGuid().ToString("N")), serverArgs);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
            BypassCSP = BypassContentSecurityPolicy,
        });
        Page = await context.NewPageAsync();
        Page.Response += (_, response) =>
        {
            if (response.Status >= 400) FailedCalls.Add($"{response.Status} {response.Request.Method} {response.Url}");
        };
        Page.Console += (_, message) =>
        {
            if (message.Type == "error") ConsoleErrors.Add(message.Text);
        };
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>The repository's root folder (where <c>ElsaM3.sln</c> is).</summary>
    public static string RepositoryRoot
    {
        get
        {
            var directory = AppContext.BaseDirectory;
            while (!File.Exists(Path.Combine(directory, "ElsaM3.sln"))) directory = Path.GetDirectoryName(directory)!;
            return directory;
        }
    }

    public string Url(string path) => new Uri(Server.Address, path).ToString();

    /// <summary>
    /// Waits until the page shows <paramref name="path"/>, whatever its query: Studio adds its own (the list pages
    /// become <c>?page=1&amp;pageSize=10</c>), sometimes before the page has loaded, which a plain URL pattern misses.
    /// </summary>
    public Task WaitForPathAsync(string path) => Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path);

    public async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, $"{++_shot:00}-{name}.png"), FullPage = true });

    public async Task SignInAsync()
    {
        await Page.GotoAsync(Url("/studio/sign-in"));
        await Page.FillAsync("#username", "admin");
        await Page.FillAsync("#password", ElsaM3Application.AdminPassword);
        await Page.ClickAsync("#sign-in");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
    }
}

using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace ElsaM3.Browser.Tests;

/// <summary>The admin's integration log page: browse, filter, retry a failed integration and open its instance in Studio.</summary>
public sealed class IntegrationLogTests : IAsyncLifetime
{
    private readonly StudioBrowser _studio = new("--ElsaM3:M3pp:Retry:Delays:0=00:00:00.020") { BypassContentSecurityPolicy = true };
    private static readonly PageWaitForSelectorOptions Slow = new() { Timeout = 90_000 };

    public Task InitializeAsync() => _studio.InitializeAsync();

    public Task DisposeAsync() => _studio.DisposeAsync();

    [Fact]
    public async Task An_admin_finds_a_failed_integration_retries_it_and_opens_its_instance()
    {
        var page = _studio.Page;
        using var simulator = new HttpClient { BaseAddress = _studio.Server.Address };
        simulator.DefaultRequestHeaders.Add("X-Api-Key", "elsam3-simulator-development-api-key");
        (await simulator.PostAsJsonAsync("/simulators/m3pp/_control/faults", new { kind = "transient-503", next = 16, method = "POST", path = "/worksheets" })).EnsureSuccessStatusCode();
        var @case = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(StudioBrowser.RepositoryRoot, "workflows", "cases", "noise-complaint.json")))!;
        using var cxm = Server.Tests.Support.ElsaM3Application.AsCxm(new HttpClient { BaseAddress = _studio.Server.Address });
        var response = await cxm.PostAsJsonAsync("/workflows/cases/noise-complaint", @case);
        var instanceId = response.Headers.GetValues("x-elsa-workflow-instance-id").Single();

        await _studio.SignInAsync();
        await _studio.WaitForPathAsync("/studio/workflows");
        (await page.IsVisibleAsync("#simulators-badge")).ShouldBeTrue();
        await page.ClickAsync("#nav-integration-log");
        await page.WaitForURLAsync("**/studio/integration-log");

        // Sixteen attempts: fifteen Retrying entries, then Failed with the reason.
        await page.SelectOptionAsync("#filter-outcome", "Failed");
        await SearchUntilAsync(page, "#log tbody tr.outcome-failed", 1);
        var failed = page.Locator("#log tbody tr.outcome-failed");
        (await failed.Locator("td").Nth(1).TextContentAsync()).ShouldBe("101004567890");
        (await failed.Locator("td").Nth(5).TextContentAsync()).ShouldBe("16");
        (await failed.Locator("td.messages").TextContentAsync()).ShouldBe("Failed (transient): gave up after 16 attempts; last error: SERVICE_UNAVAILABLE: Simulated fault: the service is unavailable.");
        await _studio.ScreenshotAsync("integration-log-failed");

        // M3 is back: the admin retries the instance from the log.
        (await simulator.DeleteAsync("/simulators/m3pp/_control/faults")).EnsureSuccessStatusCode();
        // The row names the workflow, not its id, and shows the time as Studio does.
        (await failed.Locator("td").Nth(2).TextContentAsync()).ShouldBe("M3 – create noise worksheet / CreateNoiseWorksheet");
        (await failed.Locator("td").Nth(0).TextContentAsync() ?? "").ShouldMatch(@"^\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}:\d{2} (AM|PM)$");
        // Retry asks first, then refreshes the log with what it caused.
        await failed.Locator("button:text-is('Retry')").ClickAsync();
        await failed.Locator("button:text-is('Confirm retry')").ClickAsync();
        await page.WaitForSelectorAsync($"#log-status:has-text('Instance {instanceId} retried')", Slow);
        await page.SelectOptionAsync("#filter-outcome", "Success");
        await SearchUntilAsync(page, "#log tbody tr.outcome-success", 2);
        (await page.Locator("#log tbody tr.outcome-success td:nth-child(8)").AllTextContentsAsync()).ShouldAllBe(t => t == "WK/2025000123");
        await _studio.ScreenshotAsync("integration-log-retried");

        // The row opens the instance in Studio's viewer.
        await page.Locator("#log tbody tr.outcome-success a:text-is('Open instance')").First.ClickAsync();
        await _studio.WaitForPathAsync($"/studio/workflows/instances/{instanceId}/view");
        await page.WaitForSelectorAsync("text=CreateNoiseWorksheet", Slow);
        await _studio.ScreenshotAsync("integration-log-instance");

        _studio.FailedCalls.ShouldBeEmpty();
    }

    /// <summary>Presses Search until the table shows <paramref name="count"/> rows matching <paramref name="rows"/> (the work runs in the background).</summary>
    private static async Task SearchUntilAsync(IPage page, string rows, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await page.ClickAsync("#search");
            await page.WaitForFunctionAsync("() => document.getElementById('log-status').textContent !== 'Loading…'");
            if (await page.Locator(rows).CountAsync() == count) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The log never showed {count} rows matching {rows}.");
            await Task.Delay(500);
        }
    }
}

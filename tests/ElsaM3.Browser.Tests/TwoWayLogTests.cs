using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace ElsaM3.Browser.Tests;

/// <summary>An officer closes the worksheet in M3; the admin finds the change coming in on the integration log by its direction.</summary>
public sealed class TwoWayLogTests : IAsyncLifetime
{
    private readonly StudioBrowser _studio = new("--ElsaM3:M3pp:PollInterval=00:00:00.200", "--ElsaM3:M3pp:Retry:Delays:0=00:00:00.020") { BypassContentSecurityPolicy = true };

    public Task InitializeAsync() => _studio.InitializeAsync();

    public Task DisposeAsync() => _studio.DisposeAsync();

    [Fact]
    public async Task The_closure_reaches_the_CXM_case_and_the_log_shows_it_coming_in()
    {
        var page = _studio.Page;
        using var simulator = new HttpClient { BaseAddress = _studio.Server.Address };
        simulator.DefaultRequestHeaders.Add("X-Api-Key", "elsam3-simulator-development-api-key");
        var @case = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(StudioBrowser.RepositoryRoot, "workflows", "cases", "noise-complaint-two-way.json")))!;
        using var cxm = Server.Tests.Support.ElsaM3Application.AsCxm(new HttpClient { BaseAddress = _studio.Server.Address });
        ((int)(await cxm.PostAsJsonAsync("/workflows/cases/noise-complaint-two-way", @case)).StatusCode).ShouldBe(202);

        // The worksheet is raised and its reference written onto the CXM case; then the officer closes it in M3.
        // The pull-back writes the officer; the watch starts in the same background run, a moment later.
        var worksheet = await UntilAsync(async () =>
            (await simulator.GetFromJsonAsync<JsonObject>("/simulators/cxm/api/v1/cases/101004567920")) is { } c && c["fields"]?["m3-officer"] is not null
                ? c["references"]!["m3-worksheet"]!.GetValue<string>() : null);
        await Task.Delay(1000);
        var closing = await simulator.PostAsJsonAsync($"/simulators/m3pp/_control/worksheets/change?reference={Uri.EscapeDataString(worksheet)}",
            new { status = "CLOSED", closureReason = "ABATED", closureNote = "Quiet now." });
        closing.EnsureSuccessStatusCode();
        var closed = await UntilAsync(async () =>
            (await simulator.GetFromJsonAsync<JsonObject>("/simulators/cxm/api/v1/cases/101004567920")) is { } c && c["status"]?.GetValue<string>() == "closed" ? c : null);
        closed["notes"]!.AsArray().Last()!["text"]!.GetValue<string>().ShouldBe("Closed in M3: abated. Quiet now. Officer Jo Smith.");

        await _studio.SignInAsync();
        await _studio.WaitForPathAsync("/studio/workflows");
        await page.ClickAsync("#nav-integration-log");
        await page.WaitForURLAsync("**/studio/integration-log");
        await page.FillAsync("#filter-case", "101004567920");
        await page.SelectOptionAsync("#filter-direction", "In");
        await page.ClickAsync("#search");
        var rows = page.Locator("#log tbody tr");
        // Both watches saw the closure: the first carried on (status no longer OPEN), then the second (CLOSED). The table
        // shows the unfiltered log until the search answers, so the count is awaited, not read at once.
        await Assertions.Expect(rows).ToHaveCountAsync(2, new() { Timeout = 30000 });
        (await page.Locator("#log tbody td.direction").AllTextContentsAsync()).ShouldAllBe(d => d == "In");
        (await rows.Locator("td:nth-child(4)").AllTextContentsAsync()).ShouldAllBe(o => o == "WorksheetChanged");
        (await rows.Last.Locator("td.messages").TextContentAsync())!.ShouldContain("status OPEN → CLOSED");
        await _studio.ScreenshotAsync("integration-log-inbound");

        await page.SelectOptionAsync("#filter-direction", "Out");
        await page.ClickAsync("#search");
        await Assertions.Expect(rows.Locator("td:nth-child(4)")).ToHaveTextAsync(["UpdateCase", "UpdateCase", "PullBackWorksheet", "CreateWorksheet"], new() { Timeout = 30000 });
        _studio.FailedCalls.ShouldBeEmpty();
    }

    private static async Task<T> UntilAsync<T>(Func<Task<T?>> read) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (await read() is { } value) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Never happened.");
            await Task.Delay(100);
        }
    }
}

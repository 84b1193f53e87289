using System.Text;
using Microsoft.Playwright;

namespace ElsaM3.Browser.Tests;

/// <summary>An analyst draws, publishes and runs a workflow in the Studio designer.</summary>
public sealed class DesignerTests : IAsyncLifetime
{
    private readonly StudioBrowser _studio = new() { BypassContentSecurityPolicy = true };
    private static readonly PageWaitForSelectorOptions Slow = new() { Timeout = 90_000 };

    public Task InitializeAsync() => _studio.InitializeAsync();

    public Task DisposeAsync() => _studio.DisposeAsync();

    private DesignerPage Designer => new(_studio.Page);

    private ILocator Node(string label) => Designer.Node(label);

    private ILocator Toolbar() => Designer.Toolbar();

    private ILocator Field(string label) => Designer.Field(label);

    private Task ConnectAsync(string from, string to) => Designer.ConnectAsync(from, to);

    [Fact]
    public async Task Analyst_DrawsConnectsPublishesAndRunsAWorkflow()
    {
        var page = _studio.Page;
        await _studio.SignInAsync();
        await page.WaitForSelectorAsync("text=Hello world", Slow);

        // Create a workflow from the list.
        await page.GetByText("Create workflow").ClickAsync();
        await page.WaitForFunctionAsync("[...document.querySelectorAll('.mud-dialog input')].some(i => i.value.startsWith('Workflow'))", null, new() { Timeout = 30000 });
        await page.Locator(".mud-dialog button:has-text('Ok')").ClickAsync();
        await page.WaitForURLAsync("**/edit", new() { Timeout = 60000 });
        await page.WaitForSelectorAsync(".x6-graph", Slow);

        // Drag HttpEndpoint, WriteLine and WriteHttpResponse from the toolbox.
        var canvas = page.Locator(".x6-graph").First;
        await page.GetByText("HTTP", new() { Exact = true }).ClickAsync();
        await page.Locator("[draggable=true]:has-text('HTTP Endpoint')").DragToAsync(canvas, new() { TargetPosition = new() { X = 120, Y = 80 } });
        await page.Locator("[draggable=true]:has-text('HTTP Response')").DragToAsync(canvas, new() { TargetPosition = new() { X = 620, Y = 380 } });
        await page.GetByText("Primitives", new() { Exact = true }).ClickAsync();
        await page.Locator("[draggable=true]:has-text('Write Line')").DragToAsync(canvas, new() { TargetPosition = new() { X = 370, Y = 230 } });
        await page.WaitForSelectorAsync("p.activity-label:text-is('WriteLine1')", Slow);
        // The third toolbar button lays the canvas out, so that no two dropped activities overlap.
        await Toolbar().Nth(2).ClickAsync();
        await page.WaitForTimeoutAsync(1000);
        await _studio.ScreenshotAsync("designer-dropped");

        // Connect them: endpoint → write line → response.
        await ConnectAsync("HttpEndpoint1", "WriteLine1");
        await ConnectAsync("WriteLine1", "WriteHttpResponse1");
        await _studio.ScreenshotAsync("designer-connected");
        await page.WaitForFunctionAsync("document.querySelectorAll('g.x6-edge').length === 2", null, new() { Timeout = 5000 });

        // Inputs: the endpoint's path and method, the response body as a Scriban template.
        await Node("HttpEndpoint1").ClickAsync();
        await Field("Path").FillAsync("designed");
        await _studio.ScreenshotAsync("designer-endpoint-inputs");
        await page.Locator(".mud-checkbox:has-text('POST') input").CheckAsync();
        await Node("WriteLine1").ClickAsync();
        await Field("Text").FillAsync("drawn in Studio");
        await Node("WriteHttpResponse1").ClickAsync();
        await page.Locator(".mud-input-control:has(label:text-is('Content'))").Locator("xpath=../..").Locator("button").Last.ClickAsync();
        await page.GetByText("Scriban", new() { Exact = true }).ClickAsync();
        await _studio.ScreenshotAsync("designer-scriban-selected");
        await Designer.InputRow("Content").Locator(".monaco-editor").First.ClickAsync(new() { Position = new() { X = 60, Y = 10 } });
        await page.Keyboard.TypeAsync("Hello {{ Variables.Missing ?? 'from the designer' }}");
        await page.WaitForTimeoutAsync(1500);
        await _studio.ScreenshotAsync("designer-inputs");

        // Publish.
        await page.Keyboard.PressAsync("Escape");
        await Toolbar().Nth(4).ClickAsync(new() { Force = true }); // the cloud: publish
        await page.WaitForSelectorAsync("text=Workflow published", Slow);
        await _studio.ScreenshotAsync("designer-published");

        // Trigger it over HTTP.
        using var http = new HttpClient();
        var response = await http.PostAsync(_studio.Url("/workflows/designed"), new StringContent("{}", Encoding.UTF8, "application/json"));
        (await response.Content.ReadAsStringAsync()).ShouldBe("Hello from the designer");
        var instanceId = response.Headers.GetValues("x-elsa-workflow-instance-id").Single();

        // Its instance opens in the viewer with the journal of the three activities.
        await page.GotoAsync(_studio.Url($"/studio/workflows/instances/{instanceId}/view"));
        await page.WaitForSelectorAsync("text=Journal", Slow);
        foreach (var activity in new[] { "HttpEndpoint1", "WriteLine1", "WriteHttpResponse1" })
            await page.WaitForSelectorAsync($"text={activity}", Slow);
        (await page.Locator("text=Completed").CountAsync()).ShouldBeGreaterThanOrEqualTo(3);
        await _studio.ScreenshotAsync("designer-instance-journal");

        await page.ClickAsync("#sign-out");
        await page.WaitForURLAsync("**/studio/sign-in**");
        _studio.FailedCalls.ShouldBeEmpty();
        (await page.IsVisibleAsync("#blazor-error-ui")).ShouldBeFalse();
    }
}

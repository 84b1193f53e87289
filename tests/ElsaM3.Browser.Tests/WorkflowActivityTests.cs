using System.Text;
using Microsoft.Playwright;

namespace ElsaM3.Browser.Tests;

/// <summary>
/// An analyst imports a reusable workflow through Studio's Import menu, opens and publishes it, then drags it from the
/// toolbox into a new workflow as an activity, publishes that and runs it.
/// </summary>
public sealed class WorkflowActivityTests : IAsyncLifetime
{
    private readonly StudioBrowser _studio = new() { BypassContentSecurityPolicy = true };
    private static readonly PageWaitForSelectorOptions Slow = new() { Timeout = 90_000 };

    public Task InitializeAsync() => _studio.InitializeAsync();

    public Task DisposeAsync() => _studio.DisposeAsync();

    private static string ChildFile => Path.Combine(StudioBrowser.RepositoryRoot, "tests", "ElsaM3.Workflows.Tests", "Fixtures", "composition", "greet-resident.json");

    [Fact]
    public async Task A_workflow_imported_through_the_Import_menu_opens_and_runs_as_an_activity_dragged_from_the_toolbox()
    {
        var page = _studio.Page;
        var designer = new DesignerPage(page);
        await _studio.SignInAsync();
        await page.WaitForSelectorAsync("text=Hello world", Slow);

        // Import: the list's Create button menu, then the file.
        await page.Locator(".mud-button-group-root .mud-menu button").First.ClickAsync();
        await page.GetByText("Import", new() { Exact = true }).ClickAsync();
        await page.SetInputFilesAsync("#workflow-file-upload-button-wrapper input[type=file]", ChildFile);
        await page.WaitForSelectorAsync("text=1 workflow imported successfully.", Slow);
        await page.WaitForSelectorAsync("text=Greet resident", Slow);
        await _studio.ScreenshotAsync("import-listed");

        // It opens in the designer, as a draft; publish it so that it is in the toolbox.
        await page.GetByText("Greet resident", new() { Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync("**/greet-resident/edit", new() { Timeout = 60_000 });
        await page.WaitForSelectorAsync("p.activity-label:text-is('SetOutput1')", Slow);
        await _studio.ScreenshotAsync("import-opened");
        await designer.PublishAsync();

        // A new workflow: HTTP endpoint → the imported workflow as an activity → HTTP response.
        await page.GotoAsync(_studio.Url("/studio/workflows/definitions"));
        await page.GetByText("Create workflow").ClickAsync();
        await page.WaitForFunctionAsync("[...document.querySelectorAll('.mud-dialog input')].some(i => i.value.startsWith('Workflow'))", null, new() { Timeout = 30_000 });
        await page.Locator(".mud-dialog button:has-text('Ok')").ClickAsync();
        await page.WaitForURLAsync("**/edit", new() { Timeout = 60_000 });
        await page.WaitForSelectorAsync(".x6-graph", Slow);
        await designer.DropAsync("HTTP", "HTTP Endpoint", 120, 80);
        await designer.DropAsync("HTTP", "HTTP Response", 620, 380);
        await designer.DropAsync("Council", "Greet resident", 370, 230);
        await page.WaitForSelectorAsync("p.activity-label:text-is('GreetResident1')", Slow);
        await designer.Toolbar().Nth(2).ClickAsync(); // lay out
        await page.WaitForTimeoutAsync(1000);
        await _studio.ScreenshotAsync("workflow-activity-dropped");
        await designer.ConnectAsync("HttpEndpoint1", "GreetResident1");
        await designer.ConnectAsync("GreetResident1", "WriteHttpResponse1");
        await page.WaitForFunctionAsync("document.querySelectorAll('g.x6-edge').length === 2", null, new() { Timeout = 5000 });

        await designer.Node("HttpEndpoint1").ClickAsync();
        await designer.Field("Path").FillAsync("greet-from-studio");
        await page.Locator(".mud-checkbox:has-text('POST') input").CheckAsync();
        await designer.Node("GreetResident1").ClickAsync();
        await designer.Field("Resident name").FillAsync("Studio");
        await designer.Node("WriteHttpResponse1").ClickAsync();
        await designer.TypeExpressionAsync("Content", "JavaScript", "getOutputFrom('GreetResident1', 'Message')");
        await _studio.ScreenshotAsync("workflow-activity-inputs");
        await designer.PublishAsync();

        using var http = new HttpClient();
        var response = await http.PostAsync(_studio.Url("/workflows/greet-from-studio"), new StringContent("{}", Encoding.UTF8, "application/json"));
        (await response.Content.ReadAsStringAsync()).ShouldBe("Hello, Studio");

        _studio.FailedCalls.ShouldBeEmpty();
        (await page.IsVisibleAsync("#blazor-error-ui")).ShouldBeFalse(string.Join("\n", _studio.ConsoleErrors));
    }
}

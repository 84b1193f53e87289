using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace ElsaM3.Browser.Tests;

/// <summary>
/// The analyst's day, as the README walks it: a fly-tipping rule drawn from an empty canvas with the case trigger and
/// a Create Worksheet (no syntax menu, no variable touched, codes picked from M3's lists), tried on a sample case in
/// the Test tab (a dry run: nothing appears in M3), published, triggered by CXM, then read in the instance viewer,
/// following each of its links.
/// </summary>
public sealed class AnalystDayTests : IAsyncLifetime
{
    private readonly StudioBrowser _studio = new() { BypassContentSecurityPolicy = true };
    private static readonly PageWaitForSelectorOptions Slow = new() { Timeout = 90_000 };

    public Task InitializeAsync() => _studio.InitializeAsync();

    public Task DisposeAsync() => _studio.DisposeAsync();

    private IPage Page => _studio.Page;
    private List<string> _calls = [];

    private DesignerPage Designer => new(Page);

    private ILocator Node(string label) => Designer.Node(label);

    private ILocator Field(string label) => Designer.Field(label);

    /// <summary>The input row (label, editor and syntax menu) of one activity input in the properties panel.</summary>
    private ILocator InputRow(string label) => Designer.InputRow(label);

    private ILocator Toolbar() => Designer.Toolbar();

    private Task ConnectAsync(string from, string to) => Designer.ConnectAsync(from, to);

    /// <summary>Selects an activity afresh (Studio refreshes its drop-downs when an activity is selected).</summary>
    private async Task SelectAsync(string activity)
    {
        await Page.Locator(".x6-graph").First.ClickAsync(new() { Position = new() { X = 15, Y = 15 } });
        await Page.WaitForTimeoutAsync(300);
        await Node(activity).ClickAsync();
        await Page.WaitForTimeoutAsync(800);
    }

    /// <summary>Types into an input's template editor and waits out Studio's debounce, so the value is kept.</summary>
    private async Task TypeTemplateAsync(string label, string template)
    {
        await InputRow(label).Locator(".monaco-editor").First.ClickAsync(new() { Position = new() { X = 60, Y = 10 } });
        await Page.Keyboard.TypeAsync(template);
        await Page.WaitForTimeoutAsync(800);
    }

    private async Task ChooseAsync(string label, string code)
    {
        await Page.Locator($".mud-input-control:has(label:text-is('{label}'))").First.ClickAsync();
        await Page.WaitForTimeoutAsync(500);
        await Page.Locator(".mud-popover-open").GetByText(new System.Text.RegularExpressions.Regex($"^{code} – ")).First.ClickAsync();
        await Page.WaitForTimeoutAsync(700);
    }

    [Fact]
    public async Task An_analyst_builds_tests_publishes_and_reads_a_fly_tipping_rule()
    {
        try
        {
            await WalkThroughAsync();
        }
        catch
        {
            // What the page showed when a step failed, next to the screenshots.
            await _studio.ScreenshotAsync("analyst-failed");
            await File.WriteAllTextAsync(Path.Combine(_studio.ScreenshotDirectory, "analyst-failed.txt"), await Page.InnerTextAsync("body"));
            await File.WriteAllLinesAsync(Path.Combine(_studio.ScreenshotDirectory, "analyst-calls.txt"), _calls);
            throw;
        }
    }

    private async Task WalkThroughAsync()
    {
        var calls = new List<string>();
        Page.Request += (_, r) => { if (r.Url.Contains("/elsa/api/workflow-definitions")) calls.Add(r.Method + " " + r.Url); };
        Page.Console += (_, m) => calls.Add("console " + m.Type + ": " + m.Text);
        _calls = calls;
        using var simulator = new HttpClient { BaseAddress = _studio.Server.Address };
        simulator.DefaultRequestHeaders.Add("X-Api-Key", "elsam3-simulator-development-api-key");
        await _studio.SignInAsync();
        await Page.WaitForSelectorAsync("text=Hello world", Slow);

        // A new workflow, from an empty canvas.
        await Page.GetByText("Create workflow").ClickAsync();
        await Page.WaitForFunctionAsync("[...document.querySelectorAll('.mud-dialog input')].some(i => i.value.startsWith('Workflow'))", null, new() { Timeout = 30000 });
        await Page.Locator(".mud-dialog input").First.FillAsync("Fly-tipping");
        await Page.Locator(".mud-dialog button:has-text('Ok')").ClickAsync();
        await Page.WaitForURLAsync("**/edit", new() { Timeout = 60000 });
        await Page.WaitForSelectorAsync(".x6-graph", Slow);
        var definitionId = new Uri(Page.Url).AbsolutePath.Split('/')[^2];

        // The case trigger and Create Worksheet, from the toolbox's M3PP Assure category (shown whole).
        var canvas = Page.Locator(".x6-graph").First;
        await Page.GetByText("M3PP Assure", new() { Exact = true }).ClickAsync();
        await Page.Locator("[draggable=true]:has-text('CXM Case Received')").DragToAsync(canvas, new() { TargetPosition = new() { X = 120, Y = 80 } });
        await Page.Locator("[draggable=true]:has-text('Create Worksheet')").DragToAsync(canvas, new() { TargetPosition = new() { X = 520, Y = 280 } });
        await Page.WaitForSelectorAsync("p.activity-label:text-is('CreateWorksheet1')", Slow);
        await Toolbar().Nth(2).ClickAsync();
        await Page.WaitForTimeoutAsync(1000);
        await ConnectAsync("CaseReceived1", "CreateWorksheet1");
        await _studio.ScreenshotAsync("analyst-dropped");

        await SelectAsync("CaseReceived1");
        await Field("Path").FillAsync("cases/fly-tipping");
        (await Field("Policy").InputValueAsync()).ShouldBe("cxm");

        // The codes come from M3's lists, each following the one above it (Studio asks again when the activity is selected).
        await SelectAsync("CreateWorksheet1");
        await ChooseAsync("Department code", "EH");
        await SelectAsync("CreateWorksheet1");
        await ChooseAsync("Application code", "CEH");
        await SelectAsync("CreateWorksheet1");
        await ChooseAsync("Task Group code", "STENQ");
        await SelectAsync("CreateWorksheet1");
        await ChooseAsync("Task code", "FLYTIP");
        await _studio.ScreenshotAsync("analyst-codes-picked");

        // The template inputs start in Scriban: the analyst types templates straight in, no syntax menu touched.
        await InputRow("Subject UPRN").Locator("button:has-text('Scriban')").First.WaitForAsync(new() { Timeout = 30000 });
        await TypeTemplateAsync("Subject UPRN", "{{ address.uprn }}");
        await TypeTemplateAsync("Date and time received", "{{ dates.created }}");
        // The dry run below reads the saved definition: wait for the auto-save to carry the Reference.
        await Designer.FillAndSaveAsync("Reference", "m3-worksheet");
        await Page.WaitForTimeoutAsync(1500);
        await _studio.ScreenshotAsync("analyst-create-worksheet");

        // Try it on the noise sample case in the Test tab: a dry run.
        await Page.SelectOptionAsync("#test-case", "noise-complaint");
        await Page.WaitForTimeoutAsync(500);
        await SelectAsync("CreateWorksheet1");
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Test" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        // M3 itself checks the would-be worksheet: a complainant (the linked person's address) needs a surname.
        await Page.WaitForSelectorAsync("text=Complainant surname is required when a complainant is given.", Slow);
        await _studio.ScreenshotAsync("analyst-test-tab-invalid");
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Input", Exact = true }).DispatchEventAsync("click");
        await TypeTemplateAsync("Complainant surname", "{{ person.surname }}");
        await Page.WaitForTimeoutAsync(1500);
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Test" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Page.WaitForSelectorAsync("text=valid: nothing was created or changed (dry run)", Slow);
        (await Page.Locator("xpath=//td[normalize-space()='SubjectUprn']/following-sibling::td[1]").First.InnerTextAsync()).Trim().ShouldBe("100091234567");
        await _studio.ScreenshotAsync("analyst-test-tab");
        (await simulator.GetFromJsonAsync<JsonObject>("/simulators/m3pp/api/v1/worksheets?externalReference=101004567890"))!["items"]!.AsArray().ShouldBeEmpty();

        // Publish: the unconnected failure outcomes are pointed out.
        await Page.Keyboard.PressAsync("Escape");
        await Toolbar().Nth(4).ClickAsync(new() { Force = true });
        await Page.WaitForSelectorAsync("text=Workflow published", Slow);
        await Page.WaitForSelectorAsync("#elsam3-toast:has-text('its Invalid outcome is not connected')", Slow);
        await _studio.ScreenshotAsync("analyst-published");

        // CXM sends a fly-tipping case.
        var @case = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(StudioBrowser.RepositoryRoot, "workflows", "cases", "noise-complaint.json")))!.AsObject();
        @case["reference"] = "FT-1001";
        @case["caseType"] = "fly-tipping";
        (await simulator.PutAsJsonAsync("/simulators/cxm/api/v1/cases/FT-1001", @case)).EnsureSuccessStatusCode();
        using var cxm = Server.Tests.Support.ElsaM3Application.AsCxm(new HttpClient { BaseAddress = _studio.Server.Address });
        var response = await cxm.PostAsJsonAsync("/workflows/cases/fly-tipping", @case);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var instanceId = response.Headers.GetValues("x-elsa-workflow-instance-id").Single();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await simulator.GetFromJsonAsync<JsonObject>("/simulators/cxm/api/v1/cases/FT-1001"))!["references"]?["m3-worksheet"] is null)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The worksheet reference never reached the CXM case.");
            await Task.Delay(200);
        }

        // The Instances list finds it by case reference; the viewer shows what was sent.
        await Page.GotoAsync(_studio.Url("/studio/workflows/instances"));
        var search = Page.Locator("input[placeholder*='Search']").First;
        await search.WaitForAsync(new() { Timeout = 90_000 });
        await search.FillAsync("FT-1001");
        await search.PressAsync("Enter");
        await Page.WaitForSelectorAsync($"text={instanceId}", Slow);
        await _studio.ScreenshotAsync("analyst-instance-search");
        await Page.GotoAsync(_studio.Url($"/studio/workflows/instances/{instanceId}/view"));
        await Page.WaitForSelectorAsync("text=CreateWorksheet1", Slow);
        // The record shows what was sent, next to the input's name: the rendered UPRN, not the template. A click while the
        // viewer still lays the graph out can land on the flowchart instead (a CI run showed the root selected): click again.
        var sentUprn = Page.Locator("xpath=//td[normalize-space()='SubjectUprn']/following-sibling::td[1]").First;
        for (var attempt = 1; ; attempt++)
        {
            await Node("CreateWorksheet1").ClickAsync();
            try
            {
                await sentUprn.WaitForAsync(new() { Timeout = 15_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 6)
            {
            }
        }
        (await sentUprn.InnerTextAsync()).Trim().ShouldBe("100091234567");
        await _studio.ScreenshotAsync("analyst-instance-rendered");

        // Its links lead somewhere: the logs link to the integration log for this instance, the definition to the editor.
        await Page.Locator(".x6-graph").First.ClickAsync(new() { Position = new() { X = 15, Y = 15 } });
        await Page.GetByText("Open filtered logs").ClickAsync();
        await _studio.WaitForPathAsync("/studio/integration-log");
        (await Page.InputValueAsync("#filter-instance")).ShouldBe(instanceId);
        await Page.WaitForSelectorAsync("#log tbody tr.outcome-success", Slow);
        await _studio.ScreenshotAsync("analyst-filtered-log");
        await Page.GoBackAsync();
        await Page.WaitForSelectorAsync("text=CreateWorksheet1", Slow);
        await Page.Locator(".x6-graph").First.ClickAsync(new() { Position = new() { X = 15, Y = 15 } });
        await Page.Locator($"a:has-text('{definitionId}'), a[href*='{definitionId}']").First.ClickAsync();
        await _studio.WaitForPathAsync($"/studio/workflows/definitions/{definitionId}/edit");
        await Page.WaitForSelectorAsync("text=CreateWorksheet1", Slow);

        _studio.FailedCalls.ShouldBeEmpty();
        _studio.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_New_workflow_dialogs_refusal_is_shown_not_swallowed()
    {
        await _studio.SignInAsync();
        await Page.WaitForSelectorAsync("text=Hello world", Slow);
        await Page.GetByText("Create workflow").ClickAsync();
        await Page.WaitForFunctionAsync("[...document.querySelectorAll('.mud-dialog input')].some(i => i.value.startsWith('Workflow'))", null, new() { Timeout = 30000 });
        await _studio.ScreenshotAsync("new-workflow-dialog");
        // A name longer than a definition may have (Sequence roots, once refused, are Elsa workflows ElsaM3 now runs).
        var name = Page.Locator(".mud-dialog input").First;
        await name.FillAsync(new string('x', 250));
        await Page.Locator(".mud-dialog button:has-text('Ok')").ClickAsync();

        await Page.WaitForSelectorAsync("#elsam3-toast:has-text('Refused (400)')", Slow);
        (await Page.TextContentAsync("#elsam3-toast"))!.ShouldContain("name");
        await _studio.ScreenshotAsync("new-workflow-refused");
        _studio.FailedCalls.ShouldHaveSingleItem().ShouldStartWith("400 POST");
        _studio.ConsoleErrors.ShouldAllBe(e => e.Contains("400"));
    }
}

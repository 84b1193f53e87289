using Microsoft.Playwright;

namespace ElsaM3.Browser.Tests;

/// <summary>What a test does on Studio's designer: find a node, an input, the toolbar; connect two nodes.</summary>
public sealed class DesignerPage(IPage page)
{
    public ILocator Canvas => page.Locator(".x6-graph").First;

    public ILocator Node(string label) => page.Locator($"g.x6-node:has(p.activity-label:text-is('{label}'))");

    public ILocator Field(string label) =>
        page.Locator($".mud-input-control:has(label:text-is('{label}')) input, .mud-input-control:has(label:text-is('{label}')) textarea").First;

    public ILocator InputRow(string label) => page.Locator($".mud-input-control:has(label:text-is('{label}'))").Locator("xpath=../..");

    /// <summary>The designer's toolbar buttons: fit, centre, layout, save, publish, more, run.</summary>
    public ILocator Toolbar() => Canvas
        .Locator("xpath=ancestor::div[contains(@class,'mud-tabs-panels') or contains(@class,'mud-tab-panel')][1]").Locator("button:visible");

    public async Task DropAsync(string category, string activity, float x, float y)
    {
        var item = page.Locator($"[draggable=true]:has-text('{activity}')").First;
        // A category click toggles it: open it only when the activity is not showing yet.
        if (!await item.IsVisibleAsync()) await page.GetByText(category, new() { Exact = true }).First.ClickAsync();
        await item.DragToAsync(Canvas, new() { TargetPosition = new() { X = x, Y = y } });
    }

    public async Task ConnectAsync(string from, string to)
    {
        // Deselect first: a selected node's selection box takes the mouse and the drag would move the node.
        await Canvas.ClickAsync(new() { Position = new() { X = 15, Y = 15 } });
        await page.WaitForTimeoutAsync(300);
        var source = await Node(from).Locator("g.x6-port-out circle.elsa-designer-port-hit-area").First.BoundingBoxAsync();
        var target = await Node(to).Locator("g.x6-port-in circle.elsa-designer-port-hit-area").First.BoundingBoxAsync();
        await page.Mouse.MoveAsync(source!.X + source.Width / 2, source.Y + source.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(target!.X + target.Width / 2, target.Y + target.Height / 2, new() { Steps = 15 });
        await page.Mouse.UpAsync();
        await page.WaitForTimeoutAsync(700);
    }

    /// <summary>
    /// Switches an input to <paramref name="syntax"/>, types <paramref name="text"/> into its editor and waits until Studio's
    /// auto-save has sent it (a publish right after would otherwise go out with the editor's text not yet in the model).
    /// </summary>
    public async Task TypeExpressionAsync(string label, string syntax, string text)
    {
        await InputRow(label).Locator("button").Last.ClickAsync();
        await page.GetByText(syntax, new() { Exact = true }).ClickAsync();
        // The part before any character JSON may escape is what the save's body carries as typed.
        var marker = new string(text.TakeWhile(c => c is not ('\'' or '"' or '<' or '>' or '&' or '\\')).ToArray());
        var saved = WhenSavedAsync(marker);
        // This input's own editor: another input's (the response headers') may be the first one on the page.
        await InputRow(label).Locator(".monaco-editor").First.ClickAsync(new() { Position = new() { X = 60, Y = 10 } });
        await page.Keyboard.TypeAsync(text);
        await saved;
        await page.WaitForTimeoutAsync(500);
    }

    /// <summary>Fills a plain input and waits until Studio's auto-save has sent it (a dry run or publish right after uses the saved definition).</summary>
    public async Task FillAndSaveAsync(string label, string text)
    {
        var saved = WhenSavedAsync(text);
        await Field(label).FillAsync(text);
        // Studio takes a plain input's value when it loses focus.
        await Field(label).PressAsync("Tab");
        await saved;
    }

    private Task<IRequest> WhenSavedAsync(string marker) =>
        page.WaitForRequestAsync(r => r.Method == "POST" && r.Url.Contains("/elsa/api/workflow-definitions") && (r.PostData ?? "").Contains(marker),
            new() { Timeout = 60_000 });

    public async Task PublishAsync()
    {
        await page.Keyboard.PressAsync("Escape");
        await Toolbar().Nth(4).ClickAsync(new() { Force = true }); // the cloud: publish
        await page.WaitForSelectorAsync("text=Workflow published", new() { Timeout = 90_000 });
    }
}

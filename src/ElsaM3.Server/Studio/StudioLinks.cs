using System.Text.RegularExpressions;

namespace ElsaM3.Server.Studio;

/// <summary>
/// Studio writes a few links as if it were served at the site root: the instance viewer's Definition link
/// (<c>/workflows/definitions/{id}/edit</c>, which would otherwise reach the HTTP-trigger path) and its
/// "Open filtered logs" (<c>/diagnostics/structured-logs?workflowInstanceId=…</c>). A browser following one is
/// redirected into <c>/studio/</c>: the page it meant, or the integration log filtered by that instance.
/// </summary>
public static partial class StudioLinks
{
    public static void UseStudioLinks(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (HttpMethods.IsGet(request.Method) && IsBrowserNavigation(request)
                && StudioPage().IsMatch(request.Path.Value ?? ""))
            {
                context.Response.Redirect($"{StudioHosting.BasePath}{request.Path}{request.QueryString}");
                return;
            }
            await next(context);
        });
        app.MapGet("/diagnostics/structured-logs", (string? workflowInstanceId) => Results.Redirect(
            $"{StudioHosting.BasePath}/integration-log{(string.IsNullOrWhiteSpace(workflowInstanceId) ? "" : "?workflowInstanceId=" + Uri.EscapeDataString(workflowInstanceId))}"))
            .AllowAnonymous();
    }

    /// <summary>Only a page load (not a CXM call to a workflow at the same path) is redirected.</summary>
    private static bool IsBrowserNavigation(HttpRequest request) =>
        request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);

    [GeneratedRegex("^/workflows/(definitions/[^/]+/edit|instances/[^/]+/view)$")]
    private static partial Regex StudioPage();
}

namespace ElsaM3.Server.Hosting;

/// <summary>
/// Response headers that keep a browser from misusing the server's pages: no sniffing, no framing, no referrer
/// leaks everywhere; under Studio a Content-Security-Policy that Blazor WebAssembly and its Monaco editor work
/// under (WebAssembly compilation, inline styles, workers from blob URLs) and nothing from other origins.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The two inline scripts Elsa Studio's workflow editor renders (its editor hotkeys), allowed by hash rather than
    /// by 'unsafe-inline'. They belong to the package version pinned in <c>designer/</c>; a test recomputes them from it.
    /// </summary>
    public static readonly string[] StudioInlineScriptHashes =
    [
        "sha256-vu6sQrKXQHR4Yn3FMMihA/9TxxfIXnCxKwvLrTPJ5ts=",
        "sha256-snlP1jz0gjwc5cTz9ErZcliXuCK63+Mmf68RRCeptgc=",
    ];

    public static readonly string StudioContentSecurityPolicy =
        $"default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {string.Join(' ', StudioInlineScriptHashes.Select(h => $"'{h}'"))}; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, PathString studio) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        if (context.Request.Path == "/" || context.Request.Path.StartsWithSegments(studio)) headers.ContentSecurityPolicy = StudioContentSecurityPolicy;
        return next(context);
    });
}

namespace ElsaM3.Server.Hosting;

/// <summary>
/// Response headers that keep a browser from misusing the server's pages: no sniffing, no framing, no referrer
/// leaks everywhere; under Studio a Content-Security-Policy that Blazor WebAssembly and its Monaco editor work
/// under (WebAssembly compilation, inline styles, workers from blob URLs) and nothing from other origins.
/// </summary>
internal static class SecurityHeaders
{
    public const string StudioContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
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

using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace ElsaM3.Server.Studio;

/// <summary>
/// Serves Elsa Studio under <c>/studio/</c>: the npm package's files (brotli-compressed when the browser accepts
/// it), ElsaM3's host pages for Studio's own routes, and its sign-in page. <c>/</c> redirects to <c>/studio/</c>.
/// </summary>
public static class StudioHosting
{
    public const string BasePath = "/studio";
    private const string PackagePath = "node_modules/@elsa-workflows/elsa-studio-wasm";

    /// <summary>Binds <see cref="StudioOptions"/> to its section.</summary>
    public static IServiceCollection AddStudio(this IServiceCollection services)
    {
        services.AddOptions<StudioOptions>().BindConfiguration(StudioOptions.Section);
        return services;
    }

    public static void UseStudio(this WebApplication app)
    {
        var designer = FindDesigner(app.Services.GetRequiredService<IOptions<StudioOptions>>().Value, app.Environment);
        app.MapGet("/", () => Results.Redirect($"{BasePath}/workflows"));
        app.UseStudioLinks();
        if (designer is null)
        {
            app.MapGet($"{BasePath}/{{**path}}", () => Results.Problem(
                "Elsa Studio is not installed: run `npm install` in designer/ (./run.sh does it for you).", statusCode: StatusCodes.Status503ServiceUnavailable));
            return;
        }

        var pages = Path.Combine(designer, "pages");
        var package = Path.Combine(designer, PackagePath);
        app.MapGet($"{BasePath}/sign-in", () => Results.File(Path.Combine(pages, "sign-in.html"), "text/html; charset=utf-8"));
        app.MapGet($"{BasePath}/appsettings.json", () => Results.File(Path.Combine(pages, "appsettings.json"), "application/json"));
        app.MapGet("/favicon.ico", () => Results.File(Path.Combine(package, "_content", "Elsa.Studio.Shell", "favicon.ico"), "image/x-icon"));
        app.MapGet($"{BasePath}/settings", () => Results.File(Path.Combine(pages, "settings.html"), "text/html; charset=utf-8"));
        app.MapGet($"{BasePath}/integration-log", () => Results.File(Path.Combine(pages, "integration-log.html"), "text/html; charset=utf-8"));
        app.MapGet($"{BasePath}/audit", () => Results.File(Path.Combine(pages, "audit.html"), "text/html; charset=utf-8"));
        app.MapGet($"{BasePath}/licenses", () => Results.File(Path.Combine(designer, "THIRD-PARTY-NOTICES.md"), "text/plain; charset=utf-8"));
        // One route serves both /studio and /studio/ (two would be ambiguous, a 500).
        foreach (var route in new[] { BasePath, $"{BasePath}/workflows", $"{BasePath}/workflows/definitions",
                     $"{BasePath}/workflows/instances", $"{BasePath}/workflows/definitions/{{id}}/edit", $"{BasePath}/workflows/instances/{{id}}/view" })
            app.MapGet(route, () => Results.File(Path.Combine(pages, "app.html"), "text/html; charset=utf-8"));

        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".wasm"] = "application/wasm";
        types.Mappings[".dat"] = "application/octet-stream";
        types.Mappings[".blat"] = "application/octet-stream";
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = $"{BasePath}/elsam3",
            FileProvider = new PhysicalFileProvider(pages),
        });
        if (!Directory.Exists(package)) return;
        var packageFiles = new PhysicalFileProvider(package);
        app.UseMiddleware<BrotliFiles>(packageFiles, BasePath);
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = BasePath,
            FileProvider = packageFiles,
            ContentTypeProvider = new CompressedContentTypes(types),
            ServeUnknownFileTypes = false,
        });
    }

    private static string? FindDesigner(StudioOptions options, IHostEnvironment environment)
    {
        if (options.DesignerDirectory is { } configured) return Directory.Exists(configured) ? configured : null;
        foreach (var start in new[] { environment.ContentRootPath, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ElsaM3.sln")) && Directory.Exists(Path.Combine(dir.FullName, "designer", "pages")))
                    return Path.Combine(dir.FullName, "designer");
        return null;
    }

    /// <summary>Gives <c>x.wasm.br</c> the content type of <c>x.wasm</c>.</summary>
    private sealed class CompressedContentTypes(FileExtensionContentTypeProvider inner) : IContentTypeProvider
    {
        public bool TryGetContentType(string subpath, out string contentType) =>
            inner.TryGetContentType(subpath.EndsWith(".br", StringComparison.Ordinal) ? subpath[..^3] : subpath, out contentType!);
    }
}

using Microsoft.Extensions.FileProviders;

namespace ElsaM3.Server.Studio;

/// <summary>Serves the package's pre-compressed <c>.br</c> sibling of a file when the browser accepts brotli.</summary>
internal sealed class BrotliFiles(RequestDelegate next, IFileProvider files, string basePath)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method)
            && request.Path.StartsWithSegments(basePath, out var relative)
            && request.Headers.AcceptEncoding.ToString().Contains("br", StringComparison.OrdinalIgnoreCase)
            && files.GetFileInfo(relative + ".br").Exists)
        {
            request.Path = request.Path + ".br";
            context.Response.Headers.ContentEncoding = "br";
            context.Response.Headers.Vary = "Accept-Encoding";
        }
        return next(context);
    }
}

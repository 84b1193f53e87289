using System.Diagnostics;

namespace ElsaM3.Server.Tests.Support;

/// <summary>Runs a built .NET program of this repository (the server's <c>migrate</c>, the chaos run) to its end.</summary>
public static class DotnetTool
{
    /// <summary>A program of the repository built in the configuration of these tests, a clear failure when it is not built.</summary>
    public static string Built(string projectFolder, string dll)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var path = Path.Combine(M3pp.M3ppKit.Root, projectFolder, "bin", configuration, "net10.0", dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is built with the solution (dotnet build ElsaM3.sln -c {configuration}).", path);
    }

    /// <summary>Its exit code and everything it wrote (standard output, then standard error).</summary>
    public static async Task<(int Code, string Output)> RunAsync(string dll, IEnumerable<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args.Prepend(dll)) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"dotnet {dll} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {Path.GetFileName(dll)} ran longer than {timeout}.");
        }
        return (process.ExitCode, await output + await error);
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ElsaM3.Server.Tests.Support;

/// <summary>The server as a separate OS process on a free loopback port, so a test can kill it like a crash would.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }
    public HttpClient Client { get; }

    public static async Task<ServerProcess> StartAsync(string dataDirectory, params string[] extraArgs)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(ServerDll)!,
        };
        foreach (var arg in new[] { ServerDll, "--urls", address.ToString().TrimEnd('/'), $"--ElsaM3:Storage:DataDirectory={dataDirectory}",
                     "--ElsaM3:Scheduling:PollInterval=00:00:00.100", "--Logging:LogLevel:Default=Warning", $"--ElsaM3:Identity:AdminPassword={ElsaM3Application.AdminPassword}", $"--ElsaM3:Identity:CxmApiKey={ElsaM3Application.CxmApiKey}" }.Concat(extraArgs))
            info.ArgumentList.Add(arg);
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the server process.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, address);
        await server.WaitUntilHealthyAsync();
        await ElsaM3Application.SignInAsync(server.Client, "admin", ElsaM3Application.AdminPassword);
        return server;
    }

    /// <summary>SIGKILL: no shutdown hooks run, exactly like a crash or power cut.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    private async Task WaitUntilHealthyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The server exited with code {_process.ExitCode}.");
            try
            {
                if ((await Client.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The server did not become healthy within 60 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The server built next to these tests (same configuration).</summary>
    public static string ServerDll => DotnetTool.Built(Path.Combine("src", "ElsaM3.Server"), "ElsaM3.Server.dll");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
    }
}

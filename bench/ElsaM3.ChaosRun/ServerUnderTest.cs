using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ElsaM3.ChaosRun;

/// <summary>The ElsaM3 server as a separate process that can be killed with SIGKILL and started again on the same data.</summary>
internal sealed class ServerUnderTest(string serverDll, string dataDirectory, int port, string[] extraArgs) : IAsyncDisposable
{
    private Process? _process;

    public Uri Address { get; } = new($"http://127.0.0.1:{port}");

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(serverDll)! };
        foreach (var arg in new[] { serverDll, "--urls", Address.ToString().TrimEnd('/'), $"--ElsaM3:Storage:DataDirectory={dataDirectory}", "--Logging:LogLevel:Default=Warning" }.Concat(extraArgs))
            info.ArgumentList.Add(arg);
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The server exited with code {_process.ExitCode}.");
            try
            {
                if ((await http.GetAsync("/health", cancellationToken)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The server did not become healthy in 60 s.");
            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>SIGKILL, like a power cut: nothing is flushed or shut down.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }
}

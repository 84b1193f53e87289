using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ElsaM3.Testing;

/// <summary>
/// A real PostgreSQL server for the tests and benchmarks: <c>initdb</c> into a temporary folder, started on a free loopback port
/// (no TCP beyond 127.0.0.1, trust authentication; fsync off unless <c>durable</c>, as benchmarks need), stopped and removed at the end. The binaries come from
/// Debian's PostgreSQL packages (<c>./test.sh</c> installs them when missing). As root, the server runs as the
/// <c>postgres</c> user, as PostgreSQL requires.
/// </summary>
public sealed class TemporaryPostgres(bool durable = false) : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "elsam3-postgres", Guid.NewGuid().ToString("N"));
    private string _bin = "";
    private int _databases;

    public int Port { get; private set; }

    public async Task StartAsync()
    {
        _bin = FindBinaries();
        Directory.CreateDirectory(_folder);
        Port = FreePort();
        if (RunsAsRoot) await RunAsync("chown", $"-R postgres {Path.GetDirectoryName(_folder)}");
        await RunAsPostgresAsync("initdb", $"-D {_folder}/data -U postgres -A trust -E UTF8 --no-sync --locale=C.UTF-8");
        await RunAsPostgresAsync("pg_ctl", $"-D {_folder}/data -l {_folder}/server.log -w -t 60 start " +
            $"-o \"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c max_connections=300{(durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off")}\"");
    }

    /// <summary>A new, empty database; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(int poolSize = 50)
    {
        var name = $"elsam3_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..40];
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return ConnectionString(name, poolSize);
    }

    public string ConnectionString(string database, int poolSize = 50) => $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Pooling=true;Maximum Pool Size={poolSize}";

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsPostgresAsync("pg_ctl", $"-D {_folder}/data -m immediate -w stop");
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static bool RunsAsRoot => Environment.UserName == "root";

    private Task RunAsPostgresAsync(string program, string arguments) => RunsAsRoot
        ? RunAsync("runuser", $"-u postgres -- {Path.Combine(_bin, program)} {arguments}")
        : RunAsync(Path.Combine(_bin, program), arguments);

    private static async Task RunAsync(string program, string arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {arguments} failed ({process.ExitCode}): {await error}{await output}");
    }

    /// <summary>The newest installed PostgreSQL's binaries; a clear failure (never a skip) when there is none.</summary>
    private static string FindBinaries()
    {
        var root = "/usr/lib/postgresql";
        var versions = Directory.Exists(root) ? Directory.GetDirectories(root).Where(d => File.Exists(Path.Combine(d, "bin", "initdb"))).ToList() : [];
        return versions.Count > 0
            ? Path.Combine(versions.OrderBy(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).Last(), "bin")
            : throw new InvalidOperationException("PostgreSQL is not installed: run ./test.sh, which installs Debian's postgresql package.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

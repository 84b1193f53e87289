using System.Diagnostics;
using ElsaM3.Server.Tests.M3pp;
using ElsaM3.Server.Tests.Support;

namespace ElsaM3.Server.Tests.Persistence;

/// <summary>
/// The chaos run across nodes (bench/ElsaM3.ChaosRun, issue 17): two server processes on one PostgreSQL database take
/// 1,000 cases in turn while 20% of M3 calls fail transiently and a node chosen at random is killed (SIGKILL) and restarted
/// three times. Every case must end with exactly one worksheet, on its CXM case with the pulled-back officer.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ChaosAcrossNodesTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_thousand_cases_on_two_nodes_with_faults_and_three_kills_all_complete_once()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";
        var chaos = Path.Combine(M3ppKit.Root, "bench", "ElsaM3.ChaosRun", "bin", configuration, "net10.0", "ElsaM3.ChaosRun.dll");
        File.Exists(chaos).ShouldBeTrue($"{chaos} is built with the solution (dotnet build ElsaM3.sln -c {configuration})");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { chaos, "1000", "0.2", "3", "17", "--nodes", "2", "--provider", "postgres", "--connection", connection })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);

        var report = await output + await error;
        process.ExitCode.ShouldBe(0, report);
        report.ShouldContain("| 1000 | 2 | PostgreSQL | 1000 | 0 | 0 | 3 |", customMessage: report);
    }
}

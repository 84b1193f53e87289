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
        var chaos = DotnetTool.Built(Path.Combine("bench", "ElsaM3.ChaosRun"), "ElsaM3.ChaosRun.dll");
        var (code, report) = await DotnetTool.RunAsync(chaos,
            ["1000", "0.2", "3", "17", "--nodes", "2", "--provider", "postgres", "--connection", connection], TimeSpan.FromMinutes(10));

        code.ShouldBe(0, report);
        report.ShouldContain("| 1000 | 2 | PostgreSQL | 1000 | 0 | 0 | 3 |", customMessage: report);
    }
}

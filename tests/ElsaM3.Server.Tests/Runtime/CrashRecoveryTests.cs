using System.Net;
using System.Text;
using ElsaM3.Server.Tests.Support;
using static ElsaM3.Server.Tests.Support.Workflows;

namespace ElsaM3.Server.Tests.Runtime;

/// <summary>Kills the server process mid-run (SIGKILL) and restarts it on the same data folder.</summary>
public sealed class CrashRecoveryTests
{
    private static readonly string[] SlowScripts =
        ["--ElsaM3:JavaScript:MaxStatements=2000000000", "--ElsaM3:JavaScript:Timeout=00:01:00", "--ElsaM3:JavaScript:MemoryLimitBytes=8000000000"];

    [Fact]
    public async Task KilledMidRun_RestartCompletesEveryInstance_WithoutLosingOrRepeatingCommittedWork()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "elsam3-tests", Guid.NewGuid().ToString("N"));
        string waiting, busy;

        await using (var first = await ServerProcess.StartAsync(dataDirectory, SlowScripts))
        {
            var client = first.Client;
            // A: suspended on a timer when the crash comes.
            await client.PublishAsync(HttpWorkflow("crash-timer", "crash-timer", "POST",
                WriteLine("before", "before") + "," + Delay("wait", "00:00:02") + "," + WriteLine("after", "after"),
                Connect("ep", "before") + "," + Connect("before", "wait") + "," + Connect("wait", "after")));
            // B: in the middle of a long activity when the crash comes.
            await client.PublishAsync(Flowchart("crash-busy",
                WriteScript("busy", "var t = Date.now(); while (Date.now() - t < 4000) {} 'done'") + "," + WriteLine("after", "after"),
                Connect("busy", "after")));

            var started = await client.PostAsync("/workflows/crash-timer", new StringContent("{}", Encoding.UTF8, "application/json"));
            started.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            waiting = started.Headers.GetValues("x-elsa-workflow-instance-id").Single();
            busy = (await client.PostJsonAsync($"{ApiClient.Api}/workflow-definitions/crash-busy/dispatch", new { }))["workflowInstanceId"]!.GetValue<string>();
            await Task.Delay(800);
            (await client.InstanceAsync(busy))["subStatus"]!.GetValue<string>().ShouldBe("Pending");

            await first.KillAsync();
        }

        await using var second = await ServerProcess.StartAsync(dataDirectory, SlowScripts);
        await second.Client.WaitForAsync(waiting, "Finished", TimeSpan.FromSeconds(30));
        await second.Client.WaitForAsync(busy, "Finished", TimeSpan.FromSeconds(30));

        var journal = await second.Client.GetJsonAsync($"{ApiClient.Api}/workflow-instances/{waiting}/journal?pageSize=100");
        var events = ApiClient.EventsOf(journal);
        events.Count(e => e == "before:Completed").ShouldBe(1);
        events.Count(e => e == "after:Completed").ShouldBe(1);
        events.ShouldContain("wait:Resumed");
        var busyJournal = ApiClient.EventsOf(await second.Client.GetJsonAsync($"{ApiClient.Api}/workflow-instances/{busy}/journal?pageSize=100"));
        busyJournal.Count(e => e == "busy:Completed").ShouldBe(1);
        busyJournal.Count(e => e == "after:Completed").ShouldBe(1);
    }
}

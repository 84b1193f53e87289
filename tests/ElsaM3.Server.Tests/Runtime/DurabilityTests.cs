using System.Text;
using ElsaM3.Runtime.Definitions;
using ElsaM3.Runtime.Instances;
using ElsaM3.Server.Tests.Support;
using ElsaM3.Workflows.Execution;
using Microsoft.Extensions.DependencyInjection;
using static ElsaM3.Server.Tests.Support.Workflows;

namespace ElsaM3.Server.Tests.Runtime;

public sealed class DurabilityTests
{
    private static string DelayWorkflow(string id, string delay) =>
        HttpWorkflow(id, id, "POST", WriteLine("before", "before") + "," + Delay("wait", delay) + "," + WriteLine("after", "after"),
            Connect("ep", "before") + "," + Connect("before", "wait") + "," + Connect("wait", "after"));

    private static async Task<string> TriggerAsync(HttpClient client, string path)
    {
        var response = await client.PostAsync($"/workflows/{path}", new StringContent("{}", Encoding.UTF8, "application/json"));
        return response.Headers.GetValues("x-elsa-workflow-instance-id").Single();
    }

    [Fact]
    public async Task Delay_IsResumedByTheScheduler_WhenDue()
    {
        await using var app = new ElsaM3Application();
        var client = await app.CreateAdminClientAsync();
        await client.PublishAsync(DelayWorkflow("short-delay", "00:00:00.300"));

        var id = await TriggerAsync(client, "short-delay");

        (await client.InstanceAsync(id))["subStatus"]!.GetValue<string>().ShouldBe("Suspended");
        await client.WaitForAsync(id, "Finished");
        var journal = await client.GetJsonAsync($"{ApiClient.Api}/workflow-instances/{id}/journal?pageSize=100");
        ApiClient.EventsOf(journal).ShouldContain("wait:Resumed");
        ApiClient.EventsOf(journal).Count(e => e == "before:Completed").ShouldBe(1);
    }

    [Fact]
    public async Task Delay_SurvivesARestart_AndFiresAfterIt()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "elsam3-tests", Guid.NewGuid().ToString("N"));
        string id;
        await using (var first = new ElsaM3Application(dataDirectory))
        {
            var client = await first.CreateAdminClientAsync();
            await client.PublishAsync(DelayWorkflow("restart-delay", "00:00:01"));
            id = await TriggerAsync(client, "restart-delay");
        }

        await using var second = new ElsaM3Application(dataDirectory);
        var after = await (await second.CreateAdminClientAsync()).WaitForAsync(id, "Finished");
        after["workflowState"]!["bookmarks"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task PendingInstance_LeftByACrash_IsContinuedAtStart()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "elsam3-tests", Guid.NewGuid().ToString("N"));
        string id;
        await using (var first = new ElsaM3Application(dataDirectory))
        {
            var client = await first.CreateAdminClientAsync();
            await client.PublishAsync(Flowchart("pending", WriteLine("a", "a") + "," + Delay("wait", "00:00:00") + "," + WriteLine("b", "b"),
                Connect("a", "wait") + "," + Connect("wait", "b")));
            // What a dispatch commits before it runs: a Pending instance with its root scheduled.
            var definition = await first.Services.GetRequiredService<IWorkflowDefinitionStore>().FindAsync("pending", VersionOptions.Published, default);
            var runner = first.Services.GetRequiredService<WorkflowRunner>();
            var state = runner.CreateInstance(runner.Compile(definition!), new StartOptions());
            id = state.Id;
            await first.Services.GetRequiredService<IWorkflowInstanceStore>().CommitAsync(WorkflowCommit.StateOnly(state), default);
        }

        await using var second = new ElsaM3Application(dataDirectory);
        await (await second.CreateAdminClientAsync()).WaitForAsync(id, "Finished");
    }

    [Fact]
    public async Task SampleWorkflows_AreImportedOnce_AndAgainOnlyWhenTheFileChanges()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "elsam3-tests", Guid.NewGuid().ToString("N"));
        var samples = Directory.CreateDirectory(Path.Combine(dataDirectory, "samples")).FullName;
        var file = Path.Combine(samples, "sample.json");
        await File.WriteAllTextAsync(file, HttpWorkflow("sample", "sample", "GET", Respond("r", "one"), Connect("ep", "r")));
        var settings = new Dictionary<string, string?> { ["ElsaM3:Samples:Directory"] = samples };

        async Task<long> VersionsAsync(ElsaM3Application app) =>
            (await (await app.CreateAdminClientAsync()).GetJsonAsync($"{ApiClient.Api}/workflow-definitions?versionOptions=AllVersions&DefinitionIds=sample"))["totalCount"]!.GetValue<long>();

        await using (var first = new ElsaM3Application(dataDirectory, settings))
            (await VersionsAsync(first)).ShouldBe(1);
        await using (var second = new ElsaM3Application(dataDirectory, settings))
            (await VersionsAsync(second)).ShouldBe(1);

        await File.WriteAllTextAsync(file, HttpWorkflow("sample", "sample", "GET", Respond("r", "two"), Connect("ep", "r")));
        await using var third = new ElsaM3Application(dataDirectory, settings);
        (await VersionsAsync(third)).ShouldBe(2);
        var response = await third.CreateClient().GetAsync("/workflows/sample");
        (await response.Content.ReadAsStringAsync()).ShouldBe("two");
    }
}

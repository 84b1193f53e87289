using System.Net;
using System.Net.Http.Json;
using ElsaM3.Server.Tests.Support;
using ElsaM3.Workflows.Execution;

namespace ElsaM3.Server.Tests.Runtime;

/// <summary>Event and Publish Event: an event starts the workflows it triggers and resumes the instances waiting for it.</summary>
public sealed class EventTests : IAsyncLifetime
{
    private readonly ElsaM3Application _app = new();
    private HttpClient _client = null!;
    private const string Api = ApiClient.Api;

    public async Task InitializeAsync()
    {
        _client = await _app.CreateAdminClientAsync();
        await _client.PublishAsync(Fixture("on-bin-collected.json"));
        await _client.PublishAsync(Fixture("wait-for-closure.json"));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static string Fixture(string name) => ElsaFiles.Read("events", name);

    private Task<List<WorkflowState>> InstancesAsync(string definitionId) => _app.Services.InstancesOfAsync(definitionId);

    private async Task<string> StartWaiterAsync(string correlationId)
    {
        var response = await _client.PostAsJsonAsync($"{Api}/workflow-definitions/wait-for-closure/execute", new { correlationId });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return response.Headers.GetValues("x-elsa-workflow-instance-id").Single();
    }

    [Fact]
    public async Task Publishing_through_the_API_starts_the_workflow_its_trigger_names_with_the_payload()
    {
        var answer = await _client.PostJsonAsync($"{Api}/events/bin-collected/trigger", new { payload = new { bin = "grey" } });

        answer["workflowsReached"]!.GetValue<int>().ShouldBe(1);
        var started = (await InstancesAsync("on-bin-collected")).ShouldHaveSingleItem();
        started.SubStatus.ShouldBe(WorkflowSubStatus.Finished);
        ((Dictionary<string, object?>)started.Variables["v-Collected"]!)["bin"].ShouldBe("grey");
    }

    [Fact]
    public async Task A_correlation_id_narrows_the_event_to_the_instances_that_carry_it()
    {
        var first = await StartWaiterAsync("case-1");
        var second = await StartWaiterAsync("case-2");

        var answer = await _client.PostJsonAsync($"{Api}/events/case-closed/trigger", new { correlationId = "case-2", payload = "abated" });

        answer["workflowsReached"]!.GetValue<int>().ShouldBe(1);
        (await _client.InstanceAsync(first))["workflowState"]!["subStatus"]!.GetValue<string>().ShouldBe("Suspended");
        var closed = await _client.InstanceAsync(second);
        closed["workflowState"]!["subStatus"]!.GetValue<string>().ShouldBe("Finished");
        closed["workflowState"]!["variables"]!["v-Closure"]!.GetValue<string>().ShouldBe("abated");
    }

    [Fact]
    public async Task Publish_Event_in_a_workflow_goes_out_once_its_burst_is_stored()
    {
        await _client.PublishAsync(Fixture("announce.json"));

        (await _client.PostAsJsonAsync($"{Api}/workflow-definitions/announce/execute", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);

        for (var i = 0; i < 100 && (await InstancesAsync("on-bin-collected")).Count == 0; i++) await Task.Delay(50);
        var started = (await InstancesAsync("on-bin-collected")).ShouldHaveSingleItem();
        ((Dictionary<string, object?>)started.Variables["v-Collected"]!)["bin"].ShouldBe("green");
    }

    [Fact]
    public async Task An_event_name_that_is_too_long_is_400_naming_the_field()
    {
        var response = await _client.PostAsJsonAsync($"{Api}/events/{new string('e', 201)}/trigger", new { });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("eventName");
    }
}

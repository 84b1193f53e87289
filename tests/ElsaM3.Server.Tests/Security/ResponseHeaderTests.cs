using System.Net;
using ElsaM3.Server.Tests.Support;

namespace ElsaM3.Server.Tests.Security;

/// <summary>Browsers get headers that keep the pages from being framed, sniffed or fed from elsewhere; nothing names the server software.</summary>
public sealed class ResponseHeaderTests : IAsyncLifetime
{
    private readonly ElsaM3Application _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/studio/sign-in")]
    [InlineData("/studio/workflows")]
    [InlineData("/studio/audit")]
    public async Task HostPages_SendACspThatBlazorRunsUnder_AndRefuseFraming(string page)
    {
        var response = await _app.CreateClient().GetAsync(page);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("script-src 'self' 'wasm-unsafe-eval'");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldNotContain("'unsafe-eval'");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
    }

    [Fact]
    public void TheInlineScriptsTheCspAllows_AreExactlyThoseInThePinnedStudioPackage()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "ElsaM3.sln"))) root = Path.GetDirectoryName(root)!;
        var framework = Path.Combine(root, "designer", "node_modules", "@elsa-workflows", "elsa-studio-wasm", "_framework");
        var assembly = Directory.GetFiles(framework, "Elsa.Studio.Workflows.*.wasm").Single(f => Path.GetFileName(f).Split('.').Length == 5);
        var bytes = File.ReadAllBytes(assembly);
        var open = System.Text.Encoding.Unicode.GetBytes("<script>");
        var close = System.Text.Encoding.Unicode.GetBytes("</script>");
        var hashes = new HashSet<string>();
        for (var at = bytes.AsSpan().IndexOf(open); at >= 0;)
        {
            var start = at + open.Length;
            var end = start + bytes.AsSpan(start).IndexOf(close);
            var script = System.Text.Encoding.Unicode.GetString(bytes, start, end - start);
            hashes.Add("sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(script))));
            var next = bytes.AsSpan(end).IndexOf(open);
            at = next < 0 ? -1 : end + next;
        }

        hashes.ShouldBe(ElsaM3.Server.Hosting.SecurityHeaders.StudioInlineScriptHashes, ignoreOrder: true);
    }

    [Fact]
    public async Task ApiAnswers_AreNotSniffed()
    {
        var response = await _app.CreateClient().GetAsync("/health");

        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
    }

    [Fact]
    public async Task TheRealServer_SendsNoServerHeader()
    {
        await using var server = await ServerProcess.StartAsync(Path.Combine(Path.GetTempPath(), "elsam3-tests", Guid.NewGuid().ToString("N")));

        var response = await server.Client.GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Contains("Server").ShouldBeFalse();
    }

    [Theory]
    [InlineData("GET", "/simulators/m3pp/_control/faults")]
    [InlineData("DELETE", "/simulators/m3pp/_control/faults")]
    [InlineData("POST", "/simulators/cxm/_control/faults")]
    public async Task SimulatorControls_NeedTheSimulatorKey(string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST") request.Content = new StringContent("""{"kind":"transient-503","next":1}""", System.Text.Encoding.UTF8, "application/json");

        var response = await _app.CreateClient().SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

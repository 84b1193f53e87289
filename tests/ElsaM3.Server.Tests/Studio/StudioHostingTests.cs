using System.Net;
using ElsaM3.Server.Tests.Support;

namespace ElsaM3.Server.Tests.Studio;

public sealed class StudioHostingTests : IAsyncLifetime
{
    private readonly ElsaM3Application _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Root_RedirectsToStudio()
    {
        var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/studio/workflows");
    }

    [Theory]
    [InlineData("/studio", "elsam3/studio.js")]
    [InlineData("/studio/", "elsam3/studio.js")]
    [InlineData("/studio/workflows", "elsam3/studio.js")]
    [InlineData("/studio/workflows/definitions/abc/edit", "_framework/blazor.webassembly.js")]
    [InlineData("/studio/workflows/instances", "<base href=\"/studio/\"/>")]
    [InlineData("/studio/workflows/instances/abc/view", "Sign out")]
    [InlineData("/studio/sign-in", "sign-in.js")]
    public async Task HostPages_AnswerStudiosRoutes(string url, string expected)
    {
        var response = await _app.CreateClient().GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain(expected);
        html.ShouldNotContain("fonts.googleapis.com");
    }

    [Fact]
    public async Task PackageFiles_AreServedBrotliCompressed_WhenAccepted()
    {
        var client = _app.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/studio/_framework/blazor.webassembly.js");
        request.Headers.AcceptEncoding.ParseAdd("br");

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.ShouldContain("br");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
        var plain = await client.GetAsync("/studio/_framework/blazor.webassembly.js");
        plain.Content.Headers.ContentEncoding.ShouldBeEmpty();
        (await plain.Content.ReadAsStringAsync()).Length.ShouldBeGreaterThan(1000);
    }

    [Fact]
    public async Task StudioSettings_AndLicenceNotice_AreServed()
    {
        var client = _app.CreateClient();

        (await client.GetStringAsync("/studio/appsettings.json")).ShouldContain("Warning");
        (await client.GetStringAsync("/studio/licenses")).ShouldContain("MIT License");
    }
}

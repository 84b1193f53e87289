using System.Text;
using ElsaM3.Server.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaM3.Server.Tests.Security;

/// <summary>Every API route says who may call it, and the destructive ones answer each kind of caller as they should.</summary>
public sealed class RouteAccessTests : IClassFixture<RouteAccessTests.Server>
{
    public sealed class Server : IAsyncLifetime
    {
        public ElsaM3Application App { get; } = new();
        public Dictionary<string, HttpClient> Callers { get; } = [];

        public async Task InitializeAsync()
        {
            Callers["anonymous"] = App.CreateClient();
            Callers["analyst"] = await App.CreateAnalystClientAsync();
            Callers["admin"] = await App.CreateAdminClientAsync();
            Callers["application"] = App.CreateCxmClient();
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private readonly Server _server;

    public RouteAccessTests(Server server) => _server = server;

    [Fact]
    public void EveryRouteUnderTheApis_HasAnExplicitPolicyOrIsMarkedAnonymous()
    {
        var endpoints = _server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/elsa/api", StringComparison.Ordinal) || raw.StartsWith("/api/", StringComparison.Ordinal)))
            .ToList();

        endpoints.Count.ShouldBeGreaterThan(40);
        var unstated = endpoints
            .Where(e => !e.Metadata.OfType<IAllowAnonymous>().Any() && !e.Metadata.OfType<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy) || !string.IsNullOrEmpty(a.Roles)))
            .Select(e => e.DisplayName).ToList();
        unstated.ShouldBeEmpty();
        var anonymous = endpoints.Where(e => e.Metadata.OfType<IAllowAnonymous>().Any()).Select(e => e.RoutePattern.RawText).ToList();
        anonymous.ShouldBe(["/elsa/api/identity/login", "/elsa/api/identity/refresh-token", "/elsa/api/identity/logout"], ignoreOrder: true);
    }

    public static TheoryData<string, string, string, string> Matrix()
    {
        var data = new TheoryData<string, string, string, string>();
        void Route(string method, string url, string analyst, string admin)
        {
            data.Add(method, url, "anonymous", "401");
            data.Add(method, url, "application", "403");
            data.Add(method, url, "analyst", analyst);
            data.Add(method, url, "admin", admin);
        }
        Route("DELETE", "/elsa/api/workflow-definitions/no-such-definition", "403", "404");
        Route("DELETE", "/elsa/api/workflow-definition-versions/no-such-version", "403", "404");
        Route("DELETE", "/elsa/api/workflow-instances/no-such-instance", "403", "404");
        Route("POST", "/elsa/api/bulk-actions/delete/workflow-instances/by-id|{\"ids\":[\"no-such-instance\"]}", "403", "200");
        Route("POST", "/elsa/api/bulk-actions/delete/workflow-instances|{\"ids\":[\"no-such-instance\"]}", "403", "200");
        Route("POST", "/elsa/api/alterations/workflows/retry|{\"workflowInstanceIds\":[\"no-such-instance\"]}", "403", "200");
        Route("POST", "/elsa/api/workflow-instances/no-such-instance/variables|{\"variables\":[{\"id\":\"v\",\"value\":1}]}", "403", "404");
        Route("PUT", "/api/settings/m3pp|{\"timeoutSeconds\":0}", "403", "400");
        Route("GET", "/api/settings/m3pp", "403", "200");
        Route("GET", "/api/integration-log", "403", "200");
        Route("GET", "/api/audit", "403", "200");
        Route("POST", "/elsa/api/workflow-definitions/no-such-definition/resume-triggers", "403", "404");
        Route("GET", "/elsa/api/workflow-definitions/suspended-triggers", "200", "200");
        Route("POST", "/elsa/api/workflow-definitions/no-such-definition/publish", "404", "404");
        Route("POST", "/elsa/api/workflow-definitions/no-such-definition/retract", "404", "404");
        Route("POST", "/elsa/api/cancel/workflow-instances/no-such-instance", "404", "404");
        Route("POST", "/elsa/api/bulk-actions/cancel/workflow-instances|{\"ids\":[\"no-such-instance\"]}", "200", "200");
        Route("POST", "/elsa/api/workflow-definitions|{}", "400", "400");
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task DestructiveRoutes_AnswerEachCaller(string method, string route, string caller, string expected)
    {
        var parts = route.Split('|', 2);
        var request = new HttpRequestMessage(new HttpMethod(method), parts[0]);
        if (parts.Length == 2) request.Content = new StringContent(parts[1], Encoding.UTF8, "application/json");
        var client = _server.Callers[caller];
        var response = await client.SendAsync(request);
        ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(expected, $"{caller} {method} {parts[0]}: {await response.Content.ReadAsStringAsync()}");
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaM3.Server.Tests.Support;

/// <summary>The real server in-process on its own SQLite file in a temporary folder (or its own PostgreSQL database, <see cref="TestStore"/>).</summary>
public sealed class ElsaM3Application : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private readonly Action<IServiceCollection>? _services;

    public ElsaM3Application(string? dataDirectory = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "elsam3-tests", Guid.NewGuid().ToString("N"));
        _settings = new Dictionary<string, string?>
        {
            ["ElsaM3:Storage:DataDirectory"] = DataDirectory,
            ["ElsaM3:Scheduling:PollInterval"] = "00:00:00.100",
            ["ElsaM3:Identity:AdminPassword"] = AdminPassword,
            ["ElsaM3:Identity:CxmApiKey"] = CxmApiKey,
            ["ElsaM3:Identity:Users:0:Name"] = "ana",
            ["ElsaM3:Identity:Users:0:PasswordHash"] = new Microsoft.AspNetCore.Identity.PasswordHasher<string>().HashPassword("ana", AnalystPassword),
            ["ElsaM3:Identity:Users:0:Roles:0"] = "analyst",
        };
        settings ??= new Dictionary<string, string?>();
        // A test that chose its store keeps it; the others run on the store of this run (ELSAM3_TEST_STORE).
        if (!settings.ContainsKey("ElsaM3:Storage:Provider"))
            foreach (var (key, value) in TestStore.Settings(DataDirectory)) _settings[key] = value;
        foreach (var (key, value) in settings) _settings[key] = value;
    }

    public const string AdminPassword = "admin-test-password";
    public const string AnalystPassword = "analyst-test-password";

    /// <summary>The key of the built-in <c>cxm</c> application, which the M3 samples require.</summary>
    public const string CxmApiKey = "cxm_test-key-0123456789abcdefghijklmnopqrstuv";

    public string DataDirectory { get; }

    /// <summary>A client signed in as <c>admin</c> (bearer token from <c>/elsa/api/identity/login</c>).</summary>
    public Task<HttpClient> CreateAdminClientAsync() => SignInAsync(CreateClient(), "admin", AdminPassword);

    /// <summary>A client signed in as the analyst <c>ana</c>.</summary>
    public Task<HttpClient> CreateAnalystClientAsync() => SignInAsync(CreateClient(), "ana", AnalystPassword);

    /// <summary>A client that calls as the CXM application (its API key in <c>Authorization: ApiKey</c>).</summary>
    public HttpClient CreateCxmClient() => AsCxm(CreateClient());

    public static HttpClient AsCxm(HttpClient client)
    {
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("ApiKey", CxmApiKey);
        return client;
    }

    public static async Task<HttpClient> SignInAsync(HttpClient client, string user, string password)
    {
        var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(client, "/elsa/api/identity/login", new { username = user, password });
        response.EnsureSuccessStatusCode();
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", body["accessToken"]!.GetValue<string>());
        return client;
    }

    private static HttpMessageHandler OwnTestServer(IServiceProvider services) =>
        ((Microsoft.AspNetCore.TestHost.TestServer)services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()).CreateHandler();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.UseEnvironment("Testing");
        // The gateways call the embedded simulators through the in-memory test server: this host's own, taken from its
        // services (the factory's Server property would start a second host when a background service calls out while
        // the first is still starting).
        builder.ConfigureServices(services =>
        {
            services.AddHttpClient(ElsaM3.M3pp.Gateways.RestM3ppGateway.ClientName).ConfigurePrimaryHttpMessageHandler(OwnTestServer);
            services.AddHttpClient(ElsaM3.M3pp.Gateways.RestCxmGateway.ClientName).ConfigurePrimaryHttpMessageHandler(OwnTestServer);
            _services?.Invoke(services);
        });
    }
}

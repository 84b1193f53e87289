using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ElsaM3.ChaosRun;

/// <summary>
/// A benchmark's server: started as its own process on a fresh data folder, with a client that carries the simulators'
/// key and the CXM application's key, and one signed in as admin.
/// </summary>
internal sealed class BenchSession : IAsyncDisposable
{
    private const string Password = "bench-password";
    private const string CxmKey = "cxm_bench-session-key-0123456789abcdefghijklmn";
    private const string SimulatorKey = "elsam3-simulator-development-api-key";

    private BenchSession(ServerUnderTest server, string dataDirectory) => (Server, DataDirectory) = (server, dataDirectory);

    public ServerUnderTest Server { get; }
    public string DataDirectory { get; }

    /// <summary>The simulators' key and the CXM application's key (what the M3 samples require).</summary>
    public HttpClient Http { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public static async Task<BenchSession> StartAsync(string serverDll, string name, string[] serverArgs)
    {
        var data = Path.Combine(Path.GetTempPath(), name, Guid.NewGuid().ToString("N"));
        var server = new ServerUnderTest(serverDll, data, ServerUnderTest.FreePort(),
            [$"--ElsaM3:Identity:AdminPassword={Password}", $"--ElsaM3:Identity:CxmApiKey={CxmKey}", .. serverArgs]);
        await server.StartAsync(default);
        var session = new BenchSession(server, data)
        {
            Http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) },
            Admin = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) },
        };
        session.Http.DefaultRequestHeaders.Add("X-Api-Key", SimulatorKey);
        session.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", CxmKey);
        var login = await (await session.Admin.PostAsJsonAsync("/elsa/api/identity/login", new { username = "admin", password = Password })).Content.ReadFromJsonAsync<JsonObject>();
        session.Admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login!["accessToken"]!.GetValue<string>());
        return session;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Admin.Dispose();
        await Server.DisposeAsync();
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ElsaM3.Server.Tests.Support;

/// <summary>The real server in-process on its own SQLite file in a temporary folder.</summary>
public sealed class ElsaM3Application : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public ElsaM3Application(string? dataDirectory = null, IDictionary<string, string?>? settings = null)
    {
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "elsam3-tests", Guid.NewGuid().ToString("N"));
        _settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = DataDirectory,
            ["ElsaM3:Scheduling:PollInterval"] = "00:00:00.100",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    public string DataDirectory { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.UseEnvironment("Testing");
    }
}

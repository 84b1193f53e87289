using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ElsaM3.Server.Hosting;

/// <summary>One log line that says where the server listens and where the API and workflows are.</summary>
internal static partial class ListeningLog
{
    public static void Write(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ElsaM3.Server");
        foreach (var address in addresses) LogListening(logger, address, $"{address}/elsa/api", $"{address}/workflows");
    }

    public static void WriteSimulators(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "";
        LogSimulators(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ElsaM3.Simulators"), $"{address}/simulators/m3pp/api/v1", $"{address}/simulators/cxm/api/v1");
    }

    [LoggerMessage(LogLevel.Warning, "SIMULATORS in use, not a real M3 or CXM: M3PP/HUBis simulator at {M3pp}, CXM simulator at {Cxm} (set ElsaM3:Simulators:Enabled=false and the M3pp settings for real systems)")]
    private static partial void LogSimulators(ILogger logger, string m3pp, string cxm);

    [LoggerMessage(LogLevel.Information, "ElsaM3 listens on {Address} (Studio {Address}/studio/, Elsa API {Api}, HTTP workflows {Workflows})")]
    private static partial void LogListening(ILogger logger, string address, string api, string workflows);
}

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

    [LoggerMessage(LogLevel.Information, "ElsaM3 listens on {Address} (Studio {Address}/studio/, Elsa API {Api}, HTTP workflows {Workflows})")]
    private static partial void LogListening(ILogger logger, string address, string api, string workflows);
}

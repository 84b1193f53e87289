namespace ElsaM3.Simulators;

/// <summary>
/// Runs the simulators on their own: <c>dotnet run --project src/ElsaM3.Simulators -- --urls http://127.0.0.1:5090</c>
/// serves <c>/simulators/m3pp/api/v1</c> and <c>/simulators/cxm/api/v1</c>, records under <c>ElsaM3:Simulators:DataDirectory</c> (default <c>data</c>).
/// </summary>
public static class SimulatorProgram
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSimulators();
        builder.Services.Configure<SimulatorOptions>(builder.Configuration.GetSection(SimulatorOptions.Section));
        builder.Services.PostConfigure<SimulatorOptions>(o => o.DataDirectory ??= "data");
        var app = builder.Build();
        app.MapSimulators();
        await app.RunAsync();
    }
}

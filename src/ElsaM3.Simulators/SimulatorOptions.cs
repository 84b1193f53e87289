namespace ElsaM3.Simulators;

/// <summary>Settings of the M3PP and CXM simulators, bound to <c>ElsaM3:Simulators</c>.</summary>
public sealed class SimulatorOptions
{
    /// <summary>The configuration section this binds to.</summary>
    public const string Section = "ElsaM3:Simulators";

    /// <summary>Serve the simulators (the embedded default); <c>false</c> when the gateways point at a real HUBis and CXM.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The <c>X-Api-Key</c> both simulators accept (32–255 characters).</summary>
    public string ApiKey { get; set; } = DevelopmentApiKey;

    /// <summary>Where the simulators keep their records; a restart loses none.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>How long a <c>timeout</c> fault holds the answer back before giving up with 504.</summary>
    public TimeSpan FaultTimeout { get; set; } = TimeSpan.FromSeconds(120);

    public const string DevelopmentApiKey = "elsam3-simulator-development-api-key";

    /// <summary>The settings as configured, read before the host is built (whether to serve the simulators at all).</summary>
    public static SimulatorOptions From(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        configuration.GetSection(Section).Get<SimulatorOptions>() ?? new SimulatorOptions();
}

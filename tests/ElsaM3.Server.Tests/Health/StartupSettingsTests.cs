using ElsaM3.Server.Tests.Support;
using Microsoft.Extensions.Options;

namespace ElsaM3.Server.Tests.Health;

/// <summary>Each feature checks its own <c>ElsaM3:X</c> section at start: a bad value stops the server with a message naming the setting.</summary>
public sealed class StartupSettingsTests
{
    [Theory]
    [InlineData("ElsaM3:Retention:PageSize", "0", "ElsaM3:Retention:PageSize must be at least 1.")]
    [InlineData("ElsaM3:Retention:SweepInterval", "45.00:00:00", "ElsaM3:Retention:SweepInterval must be longer than zero and at most 30 days.")]
    [InlineData("ElsaM3:Retention:FinishedInstances", "-1.00:00:00", "FinishedInstances, FaultedInstances and IntegrationLog must be longer than zero")]
    [InlineData("ElsaM3:Scheduling:PollInterval", "00:00:00", "ElsaM3:Scheduling:PollInterval must be longer than zero")]
    [InlineData("ElsaM3:Scheduling:MaxConcurrentResumes", "0", "ElsaM3:Scheduling:MaxConcurrentResumes must be between 1 and 1,000.")]
    [InlineData("ElsaM3:M3pp:Retry:MaxAttempts", "0", "ElsaM3:M3pp:Retry: MaxAttempts must be at least 1")]
    [InlineData("ElsaM3:M3pp:Timeout", "00:00:00", "ElsaM3:M3pp:Timeout must be longer than zero")]
    [InlineData("ElsaM3:JavaScript:MaxStatements", "0", "ElsaM3:JavaScript:MaxStatements must be at least 1.")]
    [InlineData("ElsaM3:JavaScript:Timeout", "00:00:00", "ElsaM3:JavaScript:Timeout must be longer than zero")]
    [InlineData("ElsaM3:Http:BasePath", "workflows", "ElsaM3:Http:BasePath must start with '/'")]
    [InlineData("ElsaM3:Http:MaxRequestBodyBytes", "0", "ElsaM3:Http:MaxRequestBodyBytes must be at least 1.")]
    [InlineData("ElsaM3:Storage:DataDirectory", " ", "ElsaM3:Storage:DataDirectory must name a folder.")]
    public async Task InvalidSetting_StopsTheServer_NamingTheSetting(string key, string value, string message)
    {
        await using var app = new ElsaM3Application(settings: new Dictionary<string, string?> { [key] = value });

        var error = Should.Throw<OptionsValidationException>(() => app.CreateClient());

        error.Message.ShouldContain(message);
    }
}

using ElsaM3.M3pp.Activities.Settings;
using ElsaM3.M3pp.Gateways;
using ElsaM3.Runtime.IntegrationLog;
using Microsoft.Extensions.Options;

namespace ElsaM3.M3pp.Activities.Integration;

/// <summary>What the M3 activities share: the gateways, the settings, the retry policy and the integration log.</summary>
public sealed class M3ppServices(
    IM3ppGateway m3,
    ICxmGateway cxm,
    M3ppSettingsService settings,
    IOptions<IntegrationRetryOptions> retry,
    IIntegrationLog log,
    TimeProvider time)
{
    public IM3ppGateway M3 { get; } = m3;
    public ICxmGateway Cxm { get; } = cxm;
    public M3ppSettingsService Settings { get; } = settings;
    public IntegrationRetryOptions Retry => retry.Value;
    public IIntegrationLog Log { get; } = log;
    public TimeProvider Time { get; } = time;
}

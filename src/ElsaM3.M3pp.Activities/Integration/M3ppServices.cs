using ElsaM3.M3pp.Activities.Retry;
using ElsaM3.M3pp.Activities.Settings;
using ElsaM3.M3pp.Gateways;
using Microsoft.Extensions.Options;

namespace ElsaM3.M3pp.Activities.Integration;

/// <summary>What the M3 activities share: the gateways, the settings, the retry policy and the clock (integration log entries go in the burst's commit).</summary>
public sealed class M3ppServices(
    IM3ppGateway m3,
    ICxmGateway cxm,
    M3ppSettingsService settings,
    IOptions<IntegrationRetryOptions> retry,
    TimeProvider time)
{
    public IM3ppGateway M3 { get; } = m3;
    public ICxmGateway Cxm { get; } = cxm;
    public M3ppSettingsService Settings { get; } = settings;
    public IntegrationRetryOptions Retry => retry.Value;
    public TimeProvider Time { get; } = time;
}

namespace ElsaM3.Runtime.IntegrationLog;

/// <summary>Which way an integration log entry went: <see cref="Out"/> from a case to M3 (or back onto the case), <see cref="In"/> a change made in M3 coming to a case.</summary>
public enum IntegrationDirection
{
    Out,
    In,
}

namespace ElsaM3.M3pp.Activities.Settings;

/// <summary>The address this server answers on, for base URLs relative to it (the embedded simulators).</summary>
public interface ISelfAddress
{
    Uri BaseAddress { get; }
}

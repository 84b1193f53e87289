namespace ElsaM3.M3pp.Activities.Integration;

/// <summary>The ports every M3 activity has: the work was done, the mappings or M3 refused it, or M3 stayed unreachable.</summary>
public static class M3Outcomes
{
    public const string Done = "Done";
    public const string Invalid = "Invalid";
    public const string Failed = "Failed";
}

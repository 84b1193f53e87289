namespace ElsaM3.Cases;

/// <summary>The toolbox category of the case trigger and the M3 activities. No "/": Studio reads it as nesting.</summary>
public static class IntegrationCategory
{
    public const string Name = "M3PP Assure";
}

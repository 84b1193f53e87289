namespace ElsaM3.M3pp.Activities.Activities;

/// <summary>Where the M3 activities sit in Studio's toolbox.</summary>
public static class M3ppCategory
{
    public const string Namespace = "ElsaM3.M3pp";
    public const string Name = ElsaM3.Cases.IntegrationCategory.Name;
}

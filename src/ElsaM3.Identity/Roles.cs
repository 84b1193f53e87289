namespace ElsaM3.Identity;

/// <summary>What a user may do: analysts edit and publish workflows and view instances; admins also change settings, read logs and delete.</summary>
public static class Roles
{
    public const string Analyst = "analyst";
    public const string Admin = "admin";

    /// <summary>Policy names, one per role; an admin satisfies both.</summary>
    public const string AnalystPolicy = "analyst";
    public const string AdminPolicy = "admin";
}

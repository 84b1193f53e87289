namespace ElsaM3.Identity;

/// <summary>
/// What a caller may do: analysts edit and publish workflows and view instances; admins also delete, retry, change
/// settings and read the logs; applications (systems such as CXM) only call the workflow endpoints their roles allow.
/// </summary>
public static class Roles
{
    public const string Analyst = "analyst";
    public const string Admin = "admin";

    /// <summary>Every application has this role besides its configured ones.</summary>
    public const string Application = "application";

    /// <summary>The role of the built-in <c>cxm</c> application, which the M3 sample workflows require.</summary>
    public const string Cxm = "cxm";

    /// <summary>Policy names; an admin satisfies the analyst policy too. Any other policy name means "has the role of that name".</summary>
    public const string AnalystPolicy = "analyst";
    public const string AdminPolicy = "admin";

    /// <summary>The Prometheus scrape endpoint: an application with the role <c>metrics</c>, or an admin.</summary>
    public const string Metrics = "metrics";
    public const string MetricsPolicy = "metrics";
}

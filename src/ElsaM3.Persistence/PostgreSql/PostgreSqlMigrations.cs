namespace ElsaM3.Persistence.PostgreSql;

/// <summary>Where the PostgreSQL migrations live: their own assembly, as EF Core keeps one set per provider.</summary>
public static class PostgreSqlMigrations
{
    public const string Assembly = "ElsaM3.Persistence.PostgreSql";
}

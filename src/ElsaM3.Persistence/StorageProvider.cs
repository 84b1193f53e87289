namespace ElsaM3.Persistence;

/// <summary>Which database holds the store.</summary>
public enum StorageProvider
{
    /// <summary>An embedded SQLite file in the data folder: nothing to install, one node.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (<c>ConnectionStrings:ElsaM3</c>): the store of a council running several nodes.</summary>
    PostgreSql,
}

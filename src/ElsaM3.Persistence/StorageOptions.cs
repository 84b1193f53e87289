namespace ElsaM3.Persistence;

/// <summary>Where the store lives, bound to <c>ElsaM3:Storage</c>.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section this binds to.</summary>
    public const string Section = "ElsaM3:Storage";

    /// <summary>The database: <see cref="StorageProvider.Sqlite"/> (the default) or <see cref="StorageProvider.PostgreSql"/>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Folder for the SQLite database (and other data). Default <c>data</c> under the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>An explicit connection string (<c>ConnectionStrings:ElsaM3</c>); overrides <see cref="DataDirectory"/>, required for PostgreSQL.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Whether the server applies its migrations when it starts (the default). Councils whose DBAs apply schema changes
    /// set this to false and run the <c>migrate</c> command; the server then refuses to start on an out-of-date schema.
    /// </summary>
    public bool MigrateAtStart { get; set; } = true;

    public string ResolveConnectionString() =>
        !string.IsNullOrWhiteSpace(ConnectionString) ? ConnectionString : $"Data Source={Path.Combine(DataDirectory, "elsam3.db")}";
}

using ElsaM3.Testing;

namespace ElsaM3.Server.Tests.Support;

/// <summary>
/// The store the server tests run on: SQLite in each test's own folder, or, when <c>ELSAM3_TEST_STORE=PostgreSql</c>
/// (<c>./test.sh</c> runs the store and API suites a second time so), a new database per test server on one PostgreSQL
/// started for the whole run from Debian's packages and stopped when the run ends.
/// </summary>
public static class TestStore
{
    public static bool OnPostgreSql { get; } = string.Equals(Environment.GetEnvironmentVariable("ELSAM3_TEST_STORE"), "PostgreSql", StringComparison.OrdinalIgnoreCase);

    private static readonly Lazy<Task<TemporaryPostgres>> Server = new(async () =>
    {
        var server = new TemporaryPostgres();
        await server.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    });

    /// <summary>For tests of the SQLite store itself (its file, pragmas, writer connection) or of what only one node does.</summary>
    public static Dictionary<string, string?> PinnedToSqlite() => new() { ["ElsaM3:Storage:Provider"] = "Sqlite" };

    /// <summary>Databases by the test server's data folder: a server started again on the same folder finds its store.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<string>> Databases = new();

    /// <summary>The settings that put a test server on its own PostgreSQL database (one per data folder); none on SQLite.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Settings(string dataDirectory)
    {
        if (!OnPostgreSql) return [];
        // Test servers are built from synchronous constructors; the database is made before the server starts.
        var database = Databases.GetOrAdd(dataDirectory, _ => new Lazy<string>(() =>
            Task.Run(async () => await (await Server.Value).CreateDatabaseAsync()).GetAwaiter().GetResult())).Value;
        return [new("ElsaM3:Storage:Provider", "PostgreSql"), new("ConnectionStrings:ElsaM3", database)];
    }
}

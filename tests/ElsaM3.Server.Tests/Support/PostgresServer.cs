using ElsaM3.Testing;

namespace ElsaM3.Server.Tests.Support;

/// <summary>One <see cref="TemporaryPostgres"/> shared by the tests of the PostgreSQL collection.</summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly TemporaryPostgres _server = new();

    public int Port => _server.Port;

    public Task InitializeAsync() => _server.StartAsync();

    /// <summary>A new, empty database; its connection string.</summary>
    public Task<string> CreateDatabaseAsync() => _server.CreateDatabaseAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}

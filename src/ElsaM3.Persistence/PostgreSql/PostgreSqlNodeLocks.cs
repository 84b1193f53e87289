using ElsaM3.Runtime.Coordination;
using Medallion.Threading.Postgres;
using Npgsql;

namespace ElsaM3.Persistence.PostgreSql;

/// <summary>
/// Locks across the nodes sharing one PostgreSQL database: its advisory locks, through DistributedLock.Postgres (the
/// library Elsa itself uses). A lock lives on its own connection: a node that dies releases its locks with it.
/// </summary>
internal sealed class PostgreSqlNodeLocks(NpgsqlDataSource dataSource) : INodeLocks
{
    private readonly PostgresDistributedSynchronizationProvider _provider = new(dataSource);

    public bool SpansNodes => true;

    public async ValueTask<IAsyncDisposable> AcquireAsync(string name, CancellationToken cancellationToken) =>
        await _provider.CreateLock(Key(name)).AcquireAsync(cancellationToken: cancellationToken);

    public async ValueTask<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken) =>
        await _provider.CreateLock(Key(name)).TryAcquireAsync(cancellationToken: cancellationToken);

    // Names longer than an advisory key are hashed (the library's own scheme), so any instance id will do.
    private static PostgresAdvisoryLockKey Key(string name) => new(name, allowHashing: true);
}

using System.Collections.Concurrent;
using ElsaM3.Runtime.Coordination;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ElsaM3.Persistence.PostgreSql;

/// <summary>
/// Announcements between the nodes of one PostgreSQL database through its LISTEN/NOTIFY: a notification on one channel
/// carries the sending process and the topic. PostgreSQL delivers it when the sender's transaction commits, to every
/// connection listening. While this node's listening connection is down it may miss some, so on every (re)connection
/// every subscriber is told that its state may have changed.
/// </summary>
internal sealed partial class PostgreSqlBroadcast(NpgsqlDataSource dataSource, TimeProvider time, ILogger<PostgreSqlBroadcast> logger)
    : BackgroundService, INodeBroadcast
{
    public const string Channel = "elsam3_shared_state";
    private static readonly TimeSpan IdleCheck = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);

    /// <summary>Tells this process's notifications from other nodes' (two nodes may share a machine name).</summary>
    private readonly string _origin = Guid.NewGuid().ToString("N");
    private readonly ConcurrentDictionary<string, Action[]> _subscribers = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this node listens (the tests wait for it before announcing from another node).</summary>
    public Task Listening => _listening.Task;

    public async ValueTask AnnounceAsync(SharedStateTopic topic, CancellationToken cancellationToken)
    {
        await using var command = dataSource.Command("SELECT pg_notify($1, $2)", Channel, _origin + "|" + topic.Name);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public void Subscribe(SharedStateTopic topic, Action changed) =>
        _subscribers.AddOrUpdate(topic.Name, [changed], (_, existing) => [.. existing, changed]);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                LogListeningLost(e);
                await Task.Delay(Reconnect, time, stoppingToken);
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
        connection.Notification += (_, notification) => Deliver(notification.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection)) await listen.ExecuteNonQueryAsync(stoppingToken);
        // Whatever was announced while this node was not listening is unknown: every cache is dropped.
        foreach (var handlers in _subscribers.Values) Run(handlers);
        _listening.TrySetResult();
        while (!stoppingToken.IsCancellationRequested)
        {
            if (await connection.WaitAsync(IdleCheck, stoppingToken)) continue;
            // Quiet for a while: make sure the connection is still there (a lost one would otherwise wait forever).
            await using var ping = new NpgsqlCommand("SELECT 1", connection);
            await ping.ExecuteScalarAsync(stoppingToken);
        }
    }

    private void Deliver(string payload)
    {
        var separator = payload.IndexOf('|');
        if (separator < 0 || payload.AsSpan(0, separator).SequenceEqual(_origin)) return;
        if (_subscribers.TryGetValue(payload[(separator + 1)..], out var handlers)) Run(handlers);
    }

    private void Run(Action[] handlers)
    {
        foreach (var handler in handlers)
        {
            try
            {
                handler();
            }
            catch (Exception e)
            {
                LogHandlerFailed(e);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Listening for other nodes' changes was interrupted; reconnecting.")]
    private partial void LogListeningLost(Exception exception);

    [LoggerMessage(LogLevel.Error, "Dropping a cache after another node's change failed.")]
    private partial void LogHandlerFailed(Exception exception);
}

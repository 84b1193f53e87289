using ElsaM3.Testing;

namespace ElsaM3.LoadTest;

/// <summary>
/// <c>postgres</c>: a durable PostgreSQL (fsync on, as a council would run it) in a temporary folder for the load
/// benchmark, with the named databases created; prints one connection string per database, then serves until its input
/// closes (the script ends it by closing the pipe or killing this process).
/// </summary>
internal static class PostgresCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        await using var server = new TemporaryPostgres(durable: true);
        await server.StartAsync();
        foreach (var name in args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)))
            Console.WriteLine($"{name}={await server.CreateDatabaseAsync(poolSize: 100)}");
        Console.WriteLine("ready");
        var stop = new TaskCompletionSource();
        using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.TrySetResult();
        });
        await Task.WhenAny(stop.Task, Console.In.ReadToEndAsync());
        return 0;
    }
}

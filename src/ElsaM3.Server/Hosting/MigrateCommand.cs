using ElsaM3.Persistence;

namespace ElsaM3.Server.Hosting;

/// <summary>
/// <c>migrate</c>: applies the store's pending migrations with the server's own configuration and exits, for councils
/// whose DBAs apply schema changes (with <c>ElsaM3:Storage:MigrateAtStart</c> false the server then only checks them).
/// </summary>
internal static class MigrateCommand
{
    public const string Name = "migrate";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Logging.ClearProviders();
        builder.Services.AddElsaM3Persistence();
        using var host = builder.Build();
        try
        {
            var storage = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value;
            var applied = await host.Services.GetRequiredService<StoreInitializer>().MigrateAsync(CancellationToken.None);
            await output.WriteLineAsync(applied.Count == 0
                ? $"The {storage.Provider} store is up to date."
                : $"Applied {applied.Count} migration(s) to the {storage.Provider} store: {string.Join(", ", applied)}.");
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or Microsoft.Extensions.Options.OptionsValidationException or System.Data.Common.DbException)
        {
            // The message names what is wrong (a missing connection string, an unreachable server); never the connection string.
            await error.WriteLineAsync($"migrate failed: {e.Message}");
            return 1;
        }
    }
}

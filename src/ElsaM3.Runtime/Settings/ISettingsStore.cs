namespace ElsaM3.Runtime.Settings;

/// <summary>Named settings kept in the store (the M3 connection, which sample file was imported last), by key.</summary>
public interface ISettingsStore
{
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    Task SetAsync(string key, string value, CancellationToken cancellationToken);

    /// <summary>
    /// The value kept under <paramref name="key"/>; when there is none, keeps <paramref name="value"/> (the first writer
    /// wins, on any node) and returns it with <c>Added</c> set.
    /// </summary>
    Task<(string Value, bool Added)> GetOrAddAsync(string key, string value, CancellationToken cancellationToken);
}

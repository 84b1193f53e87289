namespace ElsaM3.Runtime.Settings;

/// <summary>Named settings kept in the store (the M3 connection, which sample file was imported last), by key.</summary>
public interface ISettingsStore
{
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    Task SetAsync(string key, string value, CancellationToken cancellationToken);
}

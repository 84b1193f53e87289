using ElsaM3.Persistence.Entities;
using ElsaM3.Runtime.Settings;
using Microsoft.EntityFrameworkCore;

namespace ElsaM3.Persistence.Stores;

/// <summary>Settings in the <c>Settings</c> table.</summary>
public sealed class EfSettingsStore(IDbContextFactory<ElsaM3DbContext> factory) : ISettingsStore
{
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return (await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == key, cancellationToken))?.Value;
    }

    public async Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.Settings.FirstOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (row is null) db.Settings.Add(new SettingRow { Key = key, Value = value });
        else row.Value = value;
        await db.SaveChangesAsync(cancellationToken);
    }
}

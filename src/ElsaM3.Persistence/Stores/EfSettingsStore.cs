using ElsaM3.Persistence.Entities;
using ElsaM3.Runtime.Settings;
using Microsoft.EntityFrameworkCore;

namespace ElsaM3.Persistence.Stores;

/// <summary>Settings in the <c>Settings</c> table.</summary>
internal sealed class EfSettingsStore(IDbContextFactory<ElsaM3DbContext> factory, CommitWriter writer) : ISettingsStore
{
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return (await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == key, cancellationToken))?.Value;
    }

    public Task SetAsync(string key, string value, CancellationToken cancellationToken) => writer.WriteExclusiveAsync(async ct =>
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.Settings.FirstOrDefaultAsync(s => s.Key == key, ct);
        if (row is null) db.Settings.Add(new SettingRow { Key = key, Value = value });
        else row.Value = value;
        await db.SaveChangesAsync(ct);
        return true;
    }, cancellationToken);

    public async Task<(string Value, bool Added)> GetOrAddAsync(string key, string value, CancellationToken cancellationToken)
    {
        if (await GetAsync(key, cancellationToken) is { } kept) return (kept, false);
        try
        {
            await writer.WriteExclusiveAsync(async ct =>
            {
                await using var db = await factory.CreateDbContextAsync(ct);
                db.Settings.Add(new SettingRow { Key = key, Value = value });
                await db.SaveChangesAsync(ct);
                return true;
            }, cancellationToken);
            return (value, true);
        }
        catch (DbUpdateException)
        {
            // Another node kept one first: theirs holds for every node.
            return (await GetAsync(key, cancellationToken) ?? throw new InvalidOperationException($"Setting '{key}' could be neither added nor read."), false);
        }
    }
}

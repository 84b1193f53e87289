using ElsaM3.M3pp.Identifiers;
using ElsaM3.Runtime.Settings;

namespace ElsaM3.M3pp.Activities.Changes;

/// <summary>
/// Where the change feed was read up to, kept in the store so a restart carries on from it. Saved only after every change
/// before it has been delivered and committed; a crash in between delivers those again, which watches recognise.
/// </summary>
public sealed class ChangeCursorStore(ISettingsStore store)
{
    private const string Key = "m3pp.changes.cursor";

    public async Task<ChangeCursor?> GetAsync(CancellationToken cancellationToken) =>
        ChangeCursor.TryParse(await store.GetAsync(Key, cancellationToken), out var cursor) ? cursor : null;

    public Task SetAsync(ChangeCursor cursor, CancellationToken cancellationToken) => store.SetAsync(Key, cursor.Value, cancellationToken);
}

using System.Text.Json.Nodes;
using ElsaM3.M3pp.Contracts;
using ElsaM3.M3pp.Identifiers;

namespace ElsaM3.M3pp.Activities.Changes;

/// <summary>
/// What reaches a watch: a change from the feed (with its cursor), one found by polling, or the record as a watch first
/// reads it. <see cref="Current"/> is the whole record in the gateway's form, <c>null</c> once deleted.
/// </summary>
public sealed record RecordChange(WatchedRecord Record, RecordChangeKind Kind, JsonObject? Current, DateTimeOffset ChangedAt)
{
    /// <summary>The feed's position of this change; <c>null</c> for a poll or a first read.</summary>
    public ChangeCursor? Cursor { get; init; }

    /// <summary>The fields that changed, as the feed says; a watch works them out itself when this is empty.</summary>
    public IReadOnlyDictionary<string, FieldChange> Fields { get; init; } = new Dictionary<string, FieldChange>();

    /// <summary>A feed item as a change; <c>null</c> when it is of a kind or shape ElsaM3 does not watch.</summary>
    public static RecordChange? FromFeed(ChangeItem item)
    {
        if (RecordKindNames.Parse(item.Kind) is not { } kind || string.IsNullOrWhiteSpace(item.Reference) || !ChangeCursor.TryParse(item.Cursor, out var cursor))
            return null;
        var change = item.Change switch { "created" => RecordChangeKind.Created, "deleted" => RecordChangeKind.Deleted, _ => RecordChangeKind.Updated };
        var at = DateTimeOffset.TryParse(item.ChangedAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var parsed)
            ? parsed : DateTimeOffset.UtcNow;
        return new RecordChange(new WatchedRecord(kind, item.Reference), change, change == RecordChangeKind.Deleted ? null : RecordSnapshot.Normalize(kind, item.Current), at)
        {
            Cursor = cursor,
            Fields = item.Fields ?? [],
        };
    }

    /// <summary>What templates and conditions see as <c>change</c>.</summary>
    public Dictionary<string, object?> ToModel(IReadOnlyDictionary<string, FieldChange> fields) => new()
    {
        ["change"] = Kind.ToString().ToLowerInvariant(),
        ["kind"] = Record.Kind.Name(),
        ["reference"] = Record.Reference,
        ["changedAt"] = ChangedAt.ToString("O"),
        ["cursor"] = Cursor?.Value,
        ["fields"] = fields.ToDictionary(f => f.Key, f => (object?)new Dictionary<string, object?>
        {
            ["from"] = ElsaM3.Workflows.Serialization.WorkflowJson.ToPlain(f.Value.From),
            ["to"] = ElsaM3.Workflows.Serialization.WorkflowJson.ToPlain(f.Value.To),
        }),
    };
}

/// <summary><c>created</c>, <c>updated</c> or <c>deleted</c> in M3; <c>current</c> is a watch's first read of the record.</summary>
public enum RecordChangeKind
{
    Current,
    Created,
    Updated,
    Deleted,
}

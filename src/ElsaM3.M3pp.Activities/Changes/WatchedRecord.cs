using ElsaM3.M3pp.Activities.Integration;
using ElsaM3.Workflows.Bookmarks;

namespace ElsaM3.M3pp.Activities.Changes;

/// <summary>
/// A worksheet or asset that workflows watch. A watch suspends on a bookmark found by <see cref="Hash"/>, so a change
/// reaches exactly the instances watching its record through the bookmark index, whatever the number of watchers.
/// </summary>
public readonly record struct WatchedRecord(RecordKind Kind, string Reference)
{
    /// <summary>The name of a watch's bookmark.</summary>
    public const string BookmarkName = "ElsaM3.M3ppWatch";

    /// <summary>What the bookmark is found by.</summary>
    public IReadOnlyDictionary<string, object?> LookupPayload => new Dictionary<string, object?> { ["kind"] = Kind.Name(), ["reference"] = Reference };

    public string Hash => StimulusHash.Compute(BookmarkName, LookupPayload);

    /// <summary>The watched record and the fingerprint of what the watch last saw, as a stored bookmark's payload holds them.</summary>
    public static (WatchedRecord Record, string? Seen)? FromPayload(object? payload)
    {
        if (payload is not IReadOnlyDictionary<string, object?> and not IDictionary<string, object?>) return null;
        var map = payload as IDictionary<string, object?> ?? ((IReadOnlyDictionary<string, object?>)payload).ToDictionary();
        if (RecordKindNames.Parse(map.ValueOf("kind") as string) is not { } kind || map.ValueOf("reference") is not string reference)
            return null;
        return (new WatchedRecord(kind, reference), map.ValueOf("seen") as string);
    }

    /// <summary>The bookmark a watch suspends on, carrying the fingerprint of what it has seen (the poller compares it).</summary>
    public BookmarkRequest Bookmark(string? seen) =>
        new(BookmarkName, new Dictionary<string, object?> { ["kind"] = Kind.Name(), ["reference"] = Reference, ["seen"] = seen }) { LookupPayload = LookupPayload };

    public override string ToString() => $"{Kind.Name()} {Reference}";
}

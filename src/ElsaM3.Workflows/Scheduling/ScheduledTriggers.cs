using ElsaM3.Workflows.Bookmarks;

namespace ElsaM3.Workflows.Scheduling;

/// <summary>The names of the scheduled triggers and how the runtime finds an instance armed at one.</summary>
public static class ScheduledTriggers
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal) { Timer.BookmarkName, Cron.BookmarkName, StartAt.BookmarkName };

    public static readonly IReadOnlySet<string> RecurringNames = new HashSet<string>(StringComparer.Ordinal) { Timer.BookmarkName, Cron.BookmarkName };

    public static Dictionary<string, object?> ArmedLookup(string definitionId) => new() { ["armedFor"] = definitionId };

    /// <summary>The hashes of the bookmarks of instances armed for <paramref name="definitionId"/>, one per trigger kind.</summary>
    public static IEnumerable<string> ArmedHashes(string definitionId) => Names.Select(name => StimulusHash.Compute(name, ArmedLookup(definitionId)));
}

namespace ElsaM3.M3pp.Activities.Settings;

/// <summary>How changes made in M3 are found (§6.10).</summary>
public enum ChangeStrategy
{
    /// <summary>HUBis's change feed; where it has none (404), each watched worksheet or asset is polled.</summary>
    FeedElsePoll,

    /// <summary>The change feed only.</summary>
    Feed,

    /// <summary>Each watched worksheet or asset is read once per poll interval.</summary>
    Poll,
}

namespace ElsaM3.M3pp.Activities.Changes;

/// <summary>What the watches keep on the workflow instance, beyond any one watch.</summary>
public static class WatchProperties
{
    /// <summary>The feed cursor of the last change this instance had: a change at or before it (the feed read again after a crash) is passed over.</summary>
    public const string AppliedCursor = "m3.appliedChangeCursor";

    /// <summary>What the last watch that carried on saw (<c>worksheet</c> or <c>asset</c>, and <c>change</c>): Update Case's templates show it.</summary>
    public const string LastWatched = "m3.lastWatched";
}

using ElsaM3.Workflows.Bookmarks;

namespace ElsaM3.Runtime.ChildWorkflows;

/// <summary>
/// What links a child instance (started by Execute Workflow or Dispatch Workflow) to the parent waiting for it: the
/// child's properties name the parent and the bookmark it waits on, whose stimulus is the child's instance id.
/// </summary>
public static class ChildWorkflow
{
    public const string ParentInstanceIdProperty = "ParentInstanceId";
    public const string WaitForCompletionProperty = "WaitForCompletion";

    /// <summary>The name of the parent's bookmark (the activity type waiting), kept on the child.</summary>
    public const string ParentBookmarkProperty = "ParentBookmark";

    public static Dictionary<string, object?> Stimulus(string childInstanceId) => new() { ["workflowInstanceId"] = childInstanceId };

    public static string Hash(string bookmarkName, string childInstanceId) => StimulusHash.Compute(bookmarkName, Stimulus(childInstanceId));

    /// <summary>The properties a child started for a waiting parent carries.</summary>
    public static Dictionary<string, object?> Properties(string parentInstanceId, bool waitForCompletion, string bookmarkName) => waitForCompletion
        ? new() { [ParentInstanceIdProperty] = parentInstanceId, [WaitForCompletionProperty] = true, [ParentBookmarkProperty] = bookmarkName }
        : new() { [ParentInstanceIdProperty] = parentInstanceId };
}

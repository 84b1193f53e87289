using ElsaM3.Workflows.Bookmarks;

namespace ElsaM3.Workflows.Activities;

/// <summary>An activity that can start a workflow: when published with <c>canStartWorkflow</c>, its stimuli are indexed as triggers.</summary>
public interface ITrigger
{
    IReadOnlyList<BookmarkRequest> GetTriggers(object input);
}

/// <summary>Base for trigger activities with typed inputs.</summary>
public abstract class Trigger<TInput> : Activity<TInput>, ITrigger where TInput : new()
{
    /// <summary>The stimuli (name and payload) that start the workflow at this activity.</summary>
    public abstract IReadOnlyList<BookmarkRequest> GetTriggers(TInput input);

    IReadOnlyList<BookmarkRequest> ITrigger.GetTriggers(object input) => GetTriggers((TInput)input);
}

/// <summary>Base for trigger activities with typed inputs and outputs.</summary>
public abstract class Trigger<TInput, TOutput> : Activity<TInput, TOutput>, ITrigger where TInput : new()
{
    public abstract IReadOnlyList<BookmarkRequest> GetTriggers(TInput input);

    IReadOnlyList<BookmarkRequest> ITrigger.GetTriggers(object input) => GetTriggers((TInput)input);
}

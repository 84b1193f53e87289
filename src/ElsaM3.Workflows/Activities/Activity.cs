namespace ElsaM3.Workflows.Activities;

/// <summary>
/// An activity with typed inputs. The engine evaluates the node's input expressions into a new
/// <typeparamref name="TInput"/> (property initialisers are the defaults) and calls <see cref="ExecuteAsync"/>.
/// </summary>
public abstract class Activity<TInput> : IActivity where TInput : new()
{
    public abstract ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, TInput input, CancellationToken cancellationToken);

    /// <summary>Called when one of this activity's bookmarks is resumed; completes with <c>Done</c> unless overridden.</summary>
    public virtual ValueTask<ActivityResult> ResumeAsync(ActivityContext context, TInput input, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ActivityResult>(ActivityResult.Done());

    /// <summary>For a <see cref="BodyAttribute"/> activity: every body run it asked for has ended.</summary>
    public virtual ValueTask<ActivityResult> OnBodyCompletedAsync(ActivityContext context, TInput input, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ActivityResult>(ActivityResult.Done());

    ValueTask<ActivityResult> IActivity.OnBodyCompletedAsync(ActivityContext context, object input, CancellationToken cancellationToken) =>
        OnBodyCompletedAsync(context, (TInput)input, cancellationToken);

    ValueTask<ActivityResult> IActivity.ExecuteAsync(ActivityContext context, object input, CancellationToken cancellationToken) =>
        ExecuteAsync(context, (TInput)input, cancellationToken);

    ValueTask<ActivityResult> IActivity.ResumeAsync(ActivityContext context, object input, CancellationToken cancellationToken) =>
        ResumeAsync(context, (TInput)input, cancellationToken);

    protected static ActivityResult Done() => ActivityResult.Done();

    protected static ActivityResult Outcome(string outcome) => ActivityResult.Outcome(outcome);
}

/// <summary>An activity with typed inputs and typed outputs (<typeparamref name="TOutput"/>'s properties are its outputs).</summary>
public abstract class Activity<TInput, TOutput> : Activity<TInput> where TInput : new()
{
    protected static ActivityResult Done(TOutput output) => ActivityResult.Done(output);

    protected static ActivityResult Outcome(string outcome, TOutput output) => ActivityResult.Outcome(outcome, output);
}

/// <summary>The input class of an activity that has no inputs.</summary>
public sealed class NoInput;

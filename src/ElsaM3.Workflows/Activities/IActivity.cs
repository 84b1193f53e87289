namespace ElsaM3.Workflows.Activities;

/// <summary>What the engine calls. Author activities by deriving from <see cref="Activity{TInput}"/>.</summary>
public interface IActivity
{
    ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, object input, CancellationToken cancellationToken);

    ValueTask<ActivityResult> ResumeAsync(ActivityContext context, object input, CancellationToken cancellationToken);

    /// <summary>For a <see cref="BodyAttribute"/> activity: every body run it asked for has ended; what now.</summary>
    ValueTask<ActivityResult> OnBodyCompletedAsync(ActivityContext context, object input, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ActivityResult>(ActivityResult.Done());
}

namespace ElsaM3.Workflows.Activities;

/// <summary>
/// The activity runs an embedded activity, its <c>body</c> (Elsa's <c>[Port] Body</c>): it answers
/// <see cref="ActivityResult.RunBody"/>, and is called back in <see cref="IActivity.OnBodyCompletedAsync"/> when the body runs end.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BodyAttribute : Attribute
{
    /// <summary>A loop: Elsa's Break ends the nearest one.</summary>
    public bool IsLoop { get; init; }

    /// <summary>Variables each run of the body sees (e.g. ForEach's CurrentValue and CurrentIndex), set per run.</summary>
    public string[] Variables { get; init; } = [];
}

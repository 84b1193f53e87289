using ElsaM3.Workflows.Activities;

namespace ElsaM3.Workflows.Primitives;

/// <summary>Elsa's FlowNode ("Container"): runs its body once, then completes.</summary>
[Activity("Elsa", "Flow", "A simple container that executes the specified activity.", DisplayName = "Container")]
[Body]
public sealed class FlowNode : Activity<NoInput>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, NoInput input, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ActivityResult>(ActivityResult.RunBodyOnce());
}

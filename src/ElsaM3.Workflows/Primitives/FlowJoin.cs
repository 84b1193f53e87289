using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Flowchart;

namespace ElsaM3.Workflows.Primitives;

/// <summary>The waiting is done by the flowchart (see <see cref="FlowJoinMode"/>); the join itself just completes.</summary>
[Activity("Elsa", "Flow", "Merges branches: WaitAny continues on the first, WaitAll waits for every inbound branch.", DisplayName = "Join")]
public sealed class FlowJoin : Activity<FlowJoinInput>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, FlowJoinInput input, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Done());
}

public sealed class FlowJoinInput
{
    [Input(Description = "WaitAny, WaitAll or WaitAllActive.", TypeName = "Elsa.Workflows.Activities.Flowchart.Models.FlowJoinMode, Elsa.Workflows.Core")]
    public FlowJoinMode Mode { get; set; } = FlowJoinMode.WaitAny;
}

using ElsaM3.Workflows.Execution;

namespace ElsaM3.Runtime.Instances;

/// <summary>
/// A started instance that stays held until disposed (see <see cref="WorkflowInstanceService.StartHeldAsync"/>):
/// read <see cref="Result"/> first, then dispose to let the instance's background work go on.
/// </summary>
public sealed class HeldRun(WorkflowRunResult result, Action release) : IDisposable
{
    private Action? _release = release;

    public WorkflowRunResult Result { get; } = result;

    public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
}

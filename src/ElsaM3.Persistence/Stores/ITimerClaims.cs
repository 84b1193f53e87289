using ElsaM3.Runtime.Scheduling;

namespace ElsaM3.Persistence.Stores;

/// <summary>How the provider hands due timers to nodes (see <see cref="ElsaM3.Runtime.Instances.IWorkflowInstanceStore.ClaimDueTimersAsync"/>).</summary>
internal interface ITimerClaims
{
    Task<IReadOnlyList<DueTimer>> ClaimAsync(TimerClaim claim, int take, CancellationToken cancellationToken);
}

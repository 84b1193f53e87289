namespace ElsaM3.Workflows.Execution;

/// <summary>An activity waiting in the scheduler queue, owned by a flowchart execution.</summary>
public sealed record ScheduledWork(string NodeId, string? OwnerId)
{
    public bool ViaBackwardConnection { get; init; }
    public string? SchedulingActivityExecutionId { get; init; }

    /// <summary>Re-run of an existing (faulted) execution instead of a new one; used by operator retry.</summary>
    public string? ExistingInstanceId { get; init; }

    /// <summary>With <see cref="ExistingInstanceId"/>: the activity's body runs have ended; call it back instead of executing it.</summary>
    public bool BodyCompleted { get; init; }

    /// <summary>Variables this run of a body sees (ForEach's CurrentValue, …), kept on its execution.</summary>
    public Dictionary<string, object?>? Variables { get; init; }
}

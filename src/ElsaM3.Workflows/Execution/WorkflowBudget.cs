namespace ElsaM3.Workflows.Execution;

/// <summary>What a workflow may use; going over one faults the instance with an incident naming it (never a crash, never a retry).</summary>
public enum WorkflowBudget
{
    /// <summary>Activities one burst may run (<c>ElsaM3:Runtime:MaxActivitiesPerBurst</c>).</summary>
    Activities,

    /// <summary>How long one burst may run (<c>ElsaM3:Runtime:MaxBurstDuration</c>).</summary>
    Time,

    /// <summary>Memory one burst's scripts and templates may allocate (<c>ElsaM3:Runtime:MaxBurstAllocatedBytes</c>).</summary>
    Memory,

    /// <summary>How many workflows deep a chain of child workflows and events may go (<c>ElsaM3:Runtime:MaxChainDepth</c>).</summary>
    ChainDepth,

    /// <summary>How many runs one event may start a minute (<c>ElsaM3:Runtime:MaxEventStartsPerMinute</c>).</summary>
    EventRate,
}

using ElsaM3.Workflows.Incidents;
using Microsoft.Extensions.Options;

namespace ElsaM3.Workflows.Execution;

/// <summary>Runtime settings, bound to <c>ElsaM3:Runtime</c>.</summary>
public sealed class WorkflowRuntimeOptions
{
    /// <summary>The configuration section this binds to.</summary>
    public const string Section = "ElsaM3:Runtime";

    /// <summary>Incident strategy for workflows that do not choose one. Default: fault the workflow.</summary>
    public IncidentStrategy DefaultIncidentStrategy { get; set; } = IncidentStrategy.Fault;

    /// <summary>Safety net against runaway loops: most activities one burst may run. Default 100,000.</summary>
    [SettingRange(1, int.MaxValue, ErrorMessage = Section + ":MaxActivitiesPerBurst must be at least 1.")]
    public int MaxActivitiesPerBurst { get; set; } = 100_000;

    /// <summary>Longest one burst may run, checked before each activity starts. Default 60 s.</summary>
    [SettingRange(typeof(TimeSpan), "00:00:00.001", "01:00:00", ErrorMessage = Section + ":MaxBurstDuration must be longer than zero and at most an hour.")]
    public TimeSpan MaxBurstDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Most memory one burst's scripts and templates may allocate in all, in bytes. Default 1 GiB.</summary>
    [SettingRange(1048576d, long.MaxValue, ErrorMessage = Section + ":MaxBurstAllocatedBytes must be at least 1 MiB.")]
    public long MaxBurstAllocatedBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>How deep workflows may start workflows (Execute/Dispatch Workflow, events published by workflows). Default 16.</summary>
    [SettingRange(1, 1000, ErrorMessage = Section + ":MaxChainDepth must be between 1 and 1,000.")]
    public int MaxChainDepth { get; set; } = 16;

    /// <summary>Most runs the events of one name, published by workflows, may start or resume a minute on a node. Default 600.</summary>
    [SettingRange(1, int.MaxValue, ErrorMessage = Section + ":MaxEventStartsPerMinute must be at least 1.")]
    public int MaxEventStartsPerMinute { get; set; } = 600;

    /// <summary>Runs of one workflow in a row that fault on a budget before its timer and event triggers are suspended. Default 3.</summary>
    [SettingRange(1, int.MaxValue, ErrorMessage = Section + ":BudgetFaultsBeforeSuspending must be at least 1.")]
    public int BudgetFaultsBeforeSuspending { get; set; } = 3;
}

/// <summary>Checks <see cref="WorkflowRuntimeOptions"/> at start (generated from its attributes).</summary>
[OptionsValidator]
public sealed partial class WorkflowRuntimeOptionsValidator : IValidateOptions<WorkflowRuntimeOptions>;

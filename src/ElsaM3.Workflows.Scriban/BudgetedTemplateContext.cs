using System.Diagnostics;
using ElsaM3.Workflows.Execution;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace ElsaM3.Workflows.Scriban;

/// <summary>
/// A template context that holds each render to its budget: every node evaluated and every loop step checks the
/// engine's cancellation, the time since the render began and the memory this thread allocated since then. Rendering
/// is synchronous, so the thread's allocation counter is the render's.
/// </summary>
internal sealed class BudgetedTemplateContext : TemplateContext
{
    private readonly TemplateOptions _limits;
    private long _startedAt;
    private long _allocatedBefore;

    public BudgetedTemplateContext(ScriptObject builtins, TemplateOptions limits) : base(builtins)
    {
        _limits = limits;
        MemberRenamer = member => member.Name;
        LoopLimit = limits.LoopLimit;
        RecursiveLimit = 100;
        OutputLimit = limits.MaxOutputCharacters;
        OnOutputLimit = ScriptLimitBehavior.Throw;
        RegexTimeOut = limits.Timeout;
        // A case without a linked person or address renders empty (a mandatory-mapping failure), never a crash.
        EnableRelaxedTargetAccess = true;
    }

    /// <summary>Starts the budget of one render.</summary>
    public void Begin(CancellationToken cancellationToken)
    {
        CancellationToken = cancellationToken;
        _startedAt = Stopwatch.GetTimestamp();
        _allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
    }

    public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction)
    {
        if (scriptNode is not null) Check(scriptNode);
        return base.Evaluate(scriptNode, aliasReturnedFunction);
    }

    protected override bool OnStepLoop(ScriptLoopStatementBase loop)
    {
        Check(loop);
        return base.OnStepLoop(loop);
    }

    private void Check(ScriptNode node)
    {
        CancellationToken.ThrowIfCancellationRequested();
        if (Stopwatch.GetElapsedTime(_startedAt) > _limits.Timeout)
            throw new TemplateBudgetException(node, WorkflowBudget.Time,
                $"The template ran longer than {_limits.Timeout.TotalSeconds:0.###} s ({TemplateOptions.Section}:Timeout).");
        if (GC.GetAllocatedBytesForCurrentThread() - _allocatedBefore > _limits.MaxMemoryBytes)
            throw new TemplateBudgetException(node, WorkflowBudget.Memory,
                $"The template used more than {_limits.MaxMemoryBytes / (1024 * 1024.0):0.#} MiB of memory ({TemplateOptions.Section}:MaxMemoryBytes).");
    }
}

/// <summary>A render stopped at one of its limits (time, memory), not a mistake in the template.</summary>
internal sealed class TemplateBudgetException(ScriptNode node, WorkflowBudget budget, string message) : ScriptRuntimeException(node.Span, message)
{
    public WorkflowBudget Budget { get; } = budget;
}

using ElsaM3.Workflows.Descriptors;
using ElsaM3.Workflows.Expressions;
using Microsoft.Extensions.Options;

namespace ElsaM3.Workflows.Execution;

/// <summary>The services every execution burst shares.</summary>
internal sealed class WorkflowEngineServices(
    ActivityRegistry registry,
    IEnumerable<IExpressionEvaluator> evaluators,
    IServiceProvider services,
    TimeProvider time,
    IOptions<WorkflowRuntimeOptions> options)
{
    public ActivityRegistry Registry { get; } = registry;

    public IReadOnlyDictionary<string, IExpressionEvaluator> Evaluators { get; } =
        evaluators.GroupBy(e => e.Descriptor.Type).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
    public IServiceProvider Services { get; } = services;
    public TimeProvider Time { get; } = time;
    public WorkflowRuntimeOptions Options { get; } = options.Value;
}

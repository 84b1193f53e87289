using ElsaM3.Workflows.Expressions;

namespace ElsaM3.M3pp.Activities.Templates;

/// <summary>
/// Shows pull-back templates the record just read from M3 as <c>worksheet</c> or <c>asset</c>. The record lives in
/// the run's scratch items only while the pull-back activity renders its mappings.
/// </summary>
public sealed class PulledRecordModel : IExpressionModelContributor
{
    private static readonly object Key = new();

    public void Contribute(ExpressionContext context, IDictionary<string, object?> root)
    {
        if (context.Memory.RunItems.TryGetValue(Key, out var value) && value is PulledRecord record) root[record.Name] = record.Value;
    }

    public static IDisposable Show(IWorkflowMemory memory, string name, object? value)
    {
        memory.RunItems[Key] = new PulledRecord(name, value);
        return new Hide(memory);
    }

    private sealed record PulledRecord(string Name, object? Value);

    private sealed class Hide(IWorkflowMemory memory) : IDisposable
    {
        public void Dispose() => memory.RunItems.Remove(Key);
    }
}

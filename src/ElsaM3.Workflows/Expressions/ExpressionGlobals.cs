namespace ElsaM3.Workflows.Expressions;

/// <summary>
/// Values an activity shows its own expressions while it evaluates them (a pull-back's <c>worksheet</c>, a watch's
/// <c>change</c>): Scriban sees them at the template root, JavaScript as globals. They live in the burst's run items only
/// until the returned scope is disposed.
/// </summary>
public static class ExpressionGlobals
{
    private static readonly object Key = new();

    public static IDisposable Show(IWorkflowMemory memory, IReadOnlyDictionary<string, object?> values)
    {
        memory.RunItems[Key] = values;
        return new Hide(memory);
    }

    /// <summary>The values shown now; empty outside <see cref="Show"/>.</summary>
    public static IReadOnlyDictionary<string, object?> Current(IWorkflowMemory memory) =>
        memory.RunItems.TryGetValue(Key, out var values) ? (IReadOnlyDictionary<string, object?>)values : Empty;

    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();

    private sealed class Hide(IWorkflowMemory memory) : IDisposable
    {
        public void Dispose() => memory.RunItems.Remove(Key);
    }
}

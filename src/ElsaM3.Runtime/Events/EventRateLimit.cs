using System.Collections.Concurrent;
using ElsaM3.Workflows.Execution;
using Microsoft.Extensions.Options;

namespace ElsaM3.Runtime.Events;

/// <summary>
/// How many events of one name workflows may publish a minute on this node (a fixed window per name), so an Event
/// trigger whose workflow publishes its own event cannot fill the store.
/// </summary>
public sealed class EventRateLimit(IOptions<WorkflowRuntimeOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    private sealed class Window
    {
        public long Minute;
        public int Count;
    }

    /// <summary>Counts one publication of <paramref name="eventName"/>; a budget fault when the minute's allowance is used up.</summary>
    public void Take(string eventName)
    {
        var limit = options.Value.MaxEventStartsPerMinute;
        var minute = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
        var window = _windows.GetOrAdd(eventName, _ => new Window());
        lock (window)
        {
            if (window.Minute != minute) (window.Minute, window.Count) = (minute, 0);
            if (++window.Count > limit)
                throw new BudgetExceededException(WorkflowBudget.EventRate,
                    $"Workflows published event '{eventName}' more than {limit} times this minute ({WorkflowRuntimeOptions.Section}:MaxEventStartsPerMinute).");
        }
    }
}

using System.Collections.Concurrent;
using ElsaM3.Workflows.Definitions;

namespace ElsaM3.Workflows.Flowchart;

/// <summary>
/// The connection structure of one flowchart. Routing depends on where a run starts (a trigger may start
/// mid-graph), so <see cref="RoutesFrom"/> classifies connections once per start activity.
/// </summary>
public sealed class FlowGraph
{
    private readonly IReadOnlyList<ActivityNode> _activities;
    private readonly HashSet<string> _ids;
    private readonly List<FlowConnection> _connections;
    private readonly ConcurrentDictionary<string, FlowRoutes> _routes = new(StringComparer.Ordinal);

    public FlowGraph(ActivityNode flowchart)
    {
        _activities = flowchart.Activities ?? [];
        _ids = _activities.Select(a => a.Id).ToHashSet();
        var keys = new HashSet<string>();
        _connections = [];
        foreach (var c in flowchart.Connections ?? [])
        {
            if (!_ids.Contains(c.Source.Activity) || !_ids.Contains(c.Target.Activity)) continue;
            var key = $"{c.Source.Activity}:{c.Source.Port}>{c.Target.Activity}";
            for (var n = 2; !keys.Add(key); n++) key = $"{c.Source.Activity}:{c.Source.Port}>{c.Target.Activity}#{n}";
            _connections.Add(new FlowConnection(key, c.Source.Activity, c.Source.Port, c.Target.Activity));
        }
        DefaultStart = _activities.FirstOrDefault(a => a.Type == "Elsa.Start")
            ?? _activities.FirstOrDefault(a => a.CanStartWorkflow)
            ?? _activities.FirstOrDefault(a => _connections.All(c => c.TargetId != a.Id))
            ?? _activities.FirstOrDefault();
    }

    /// <summary>The start activity when no trigger names one: <c>Elsa.Start</c>, then the first that can start the workflow, then the first without inbound connections, then the first.</summary>
    public ActivityNode? DefaultStart { get; }

    public ActivityNode? StartFor(string? triggerActivityId) =>
        triggerActivityId is not null && _ids.Contains(triggerActivityId)
            ? _activities.First(a => a.Id == triggerActivityId)
            : DefaultStart;

    /// <summary>True when a connection leaves <paramref name="activityId"/> from <paramref name="port"/>.</summary>
    public bool HasOutbound(string activityId, string port) =>
        _connections.Any(c => c.SourceId == activityId && string.Equals(c.Port, port, StringComparison.Ordinal));

    public FlowRoutes RoutesFrom(string startId) => _routes.GetOrAdd(startId, id => new FlowRoutes(id, _connections));
}

/// <summary>Connections classified for runs that start at one activity: forward, backward (loops), and inbound lists.</summary>
public sealed class FlowRoutes
{
    private static readonly IReadOnlyList<FlowConnection> None = [];
    private readonly Dictionary<string, List<FlowConnection>> _outbound = [];
    private readonly Dictionary<string, List<FlowConnection>> _forwardInbound = [];
    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> _ancestors = new();

    internal FlowRoutes(string startId, List<FlowConnection> connections)
    {
        var outbound = connections.GroupBy(c => c.SourceId).ToDictionary(g => g.Key, g => g.ToList());
        var reachable = new HashSet<string>();
        var backward = new HashSet<string>();
        var onPath = new HashSet<string>();

        // Iterative depth-first search from the start; a connection into the current path is a loop.
        var stack = new Stack<(string Id, int Next)>();
        stack.Push((startId, 0));
        reachable.Add(startId);
        onPath.Add(startId);
        while (stack.TryPop(out var frame))
        {
            var edges = outbound.GetValueOrDefault(frame.Id);
            if (edges is null || frame.Next >= edges.Count)
            {
                onPath.Remove(frame.Id);
                continue;
            }
            stack.Push((frame.Id, frame.Next + 1));
            var edge = edges[frame.Next];
            if (onPath.Contains(edge.TargetId)) backward.Add(edge.Key);
            else if (reachable.Add(edge.TargetId))
            {
                onPath.Add(edge.TargetId);
                stack.Push((edge.TargetId, 0));
            }
        }

        foreach (var connection in connections)
        {
            var isBackward = backward.Contains(connection.Key);
            var classified = isBackward
                ? connection with { IsBackward = true, IsValidBackward = Dominates(connections, startId, connection.TargetId, connection.SourceId) }
                : connection;
            Add(_outbound, classified.SourceId, classified);
            // Inbound connections from activities this run can never reach do not hold a join back.
            if (!isBackward && reachable.Contains(classified.SourceId)) Add(_forwardInbound, classified.TargetId, classified);
        }
    }

    public IReadOnlyList<FlowConnection> Outbound(string activityId) => _outbound.TryGetValue(activityId, out var list) ? list : None;

    public IReadOnlyList<FlowConnection> ForwardInbound(string activityId) => _forwardInbound.TryGetValue(activityId, out var list) ? list : None;

    /// <summary>Every activity with a forward path to <paramref name="activityId"/>.</summary>
    public IReadOnlySet<string> AncestorsOf(string activityId) => _ancestors.GetOrAdd(activityId, id =>
    {
        var result = new HashSet<string>();
        var stack = new Stack<string>([id]);
        while (stack.TryPop(out var current))
            foreach (var inbound in ForwardInbound(current))
                if (result.Add(inbound.SourceId)) stack.Push(inbound.SourceId);
        return result;
    });

    /// <summary>True when <paramref name="source"/> cannot be reached from the start without passing <paramref name="target"/>.</summary>
    private static bool Dominates(List<FlowConnection> connections, string startId, string target, string source)
    {
        if (startId == target) return true;
        var seen = new HashSet<string> { startId };
        var stack = new Stack<string>([startId]);
        while (stack.TryPop(out var current))
        {
            if (current == source) return false;
            foreach (var c in connections)
                if (c.SourceId == current && c.TargetId != target && seen.Add(c.TargetId))
                    stack.Push(c.TargetId);
        }
        return true;
    }

    private static void Add(Dictionary<string, List<FlowConnection>> map, string key, FlowConnection connection)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(connection);
    }
}

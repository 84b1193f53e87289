using ElsaM3.Workflows.Definitions;

namespace ElsaM3.Workflows.Flowchart;

/// <summary>The connection structure of one flowchart: outbound and forward-inbound lists, loops and start node.</summary>
public sealed class FlowGraph
{
    private static readonly IReadOnlyList<FlowConnection> None = [];
    private readonly Dictionary<string, List<FlowConnection>> _outbound = [];
    private readonly Dictionary<string, List<FlowConnection>> _forwardInbound = [];
    private readonly Dictionary<string, HashSet<string>> _ancestors = [];
    private readonly IReadOnlyList<ActivityNode> _activities;
    private readonly HashSet<string> _ids;

    public FlowGraph(ActivityNode flowchart)
    {
        _activities = flowchart.Activities ?? [];
        _ids = _activities.Select(a => a.Id).ToHashSet();
        var known = (flowchart.Connections ?? [])
            .Where(c => _ids.Contains(c.Source.Activity) && _ids.Contains(c.Target.Activity))
            .ToList();
        var keys = new HashSet<string>();
        var connections = new List<FlowConnection>(known.Count);
        foreach (var c in known)
        {
            var key = $"{c.Source.Activity}:{c.Source.Port}>{c.Target.Activity}";
            for (var n = 2; !keys.Add(key); n++) key = $"{c.Source.Activity}:{c.Source.Port}>{c.Target.Activity}#{n}";
            connections.Add(new FlowConnection(key, c.Source.Activity, c.Source.Port, c.Target.Activity));
        }

        DefaultStart = FindDefaultStart(connections);
        var backward = FindBackwardConnections(connections);
        foreach (var connection in connections)
        {
            var classified = backward.Contains(connection.Key)
                ? connection with { IsBackward = true, IsValidBackward = Dominates(connections, connection.TargetId, connection.SourceId) }
                : connection;
            Add(_outbound, classified.SourceId, classified);
            if (!classified.IsBackward) Add(_forwardInbound, classified.TargetId, classified);
        }
    }

    /// <summary>The start activity when no trigger names one: <c>Elsa.Start</c>, then the first that can start the workflow, then the single root, then the first.</summary>
    public ActivityNode? DefaultStart { get; }

    public ActivityNode? StartFor(string? triggerActivityId) =>
        triggerActivityId is not null && _ids.Contains(triggerActivityId)
            ? _activities.First(a => a.Id == triggerActivityId)
            : DefaultStart;

    public IReadOnlyList<FlowConnection> Outbound(string activityId) => _outbound.TryGetValue(activityId, out var list) ? list : None;

    public IReadOnlyList<FlowConnection> ForwardInbound(string activityId) => _forwardInbound.TryGetValue(activityId, out var list) ? list : None;

    /// <summary>Every activity with a forward path to <paramref name="activityId"/>.</summary>
    public IReadOnlySet<string> AncestorsOf(string activityId)
    {
        lock (_ancestors)
        {
            if (_ancestors.TryGetValue(activityId, out var cached)) return cached;
            var result = new HashSet<string>();
            var stack = new Stack<string>([activityId]);
            while (stack.TryPop(out var current))
                foreach (var inbound in ForwardInbound(current))
                    if (result.Add(inbound.SourceId)) stack.Push(inbound.SourceId);
            _ancestors[activityId] = result;
            return result;
        }
    }

    private ActivityNode? FindDefaultStart(List<FlowConnection> connections) =>
        _activities.FirstOrDefault(a => a.Type == "Elsa.Start")
        ?? _activities.FirstOrDefault(a => a.CanStartWorkflow)
        ?? _activities.FirstOrDefault(a => connections.All(c => c.TargetId != a.Id))
        ?? _activities.FirstOrDefault();

    private HashSet<string> FindBackwardConnections(List<FlowConnection> connections)
    {
        var outbound = connections.GroupBy(c => c.SourceId).ToDictionary(g => g.Key, g => g.ToList());
        var backward = new HashSet<string>();
        var visited = new HashSet<string>();
        var onPath = new HashSet<string>();

        void Visit(string id)
        {
            visited.Add(id);
            onPath.Add(id);
            foreach (var c in outbound.GetValueOrDefault(id) ?? [])
            {
                if (onPath.Contains(c.TargetId)) backward.Add(c.Key);
                else if (!visited.Contains(c.TargetId)) Visit(c.TargetId);
            }
            onPath.Remove(id);
        }

        var roots = DefaultStart is null ? _activities : _activities.Where(a => a.Id == DefaultStart.Id).Concat(_activities);
        foreach (var root in roots)
            if (!visited.Contains(root.Id)) Visit(root.Id);
        return backward;
    }

    /// <summary>True when <paramref name="source"/> cannot be reached from the start without passing <paramref name="target"/>.</summary>
    private bool Dominates(List<FlowConnection> connections, string target, string source)
    {
        if (DefaultStart is null || DefaultStart.Id == target) return true;
        var seen = new HashSet<string> { DefaultStart.Id };
        var stack = new Stack<string>([DefaultStart.Id]);
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

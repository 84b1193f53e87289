namespace ElsaM3.Workflows.Flowchart;

/// <summary>
/// Counter-based routing state of one flowchart execution: how often each activity completed (or was
/// skipped) and how often each connection was visited, and whether its latest visit was followed.
/// </summary>
public sealed class FlowScope
{
    /// <summary>The activity this flowchart run started at; routing is classified from it.</summary>
    public string StartId { get; set; } = "";

    public Dictionary<string, int> ActivityVisits { get; set; } = [];
    public Dictionary<string, ConnectionVisit> ConnectionVisits { get; set; } = [];

    /// <summary>WaitAny joins that fired, with the join's visit count at that moment.</summary>
    public Dictionary<string, int> FiredJoins { get; set; } = [];

    public int VisitsOf(string activityId) => ActivityVisits.GetValueOrDefault(activityId);

    public void RegisterActivityVisit(string activityId) => ActivityVisits[activityId] = VisitsOf(activityId) + 1;

    public void RegisterConnectionVisit(string connectionKey, bool followed)
    {
        var visit = ConnectionVisits.GetValueOrDefault(connectionKey);
        ConnectionVisits[connectionKey] = new ConnectionVisit(visit.Count + 1, followed);
    }

    /// <summary>True when the connection was visited since the target last completed.</summary>
    public bool VisitedSinceLastRun(string connectionKey, string targetId) =>
        ConnectionVisits.GetValueOrDefault(connectionKey).Count > VisitsOf(targetId);

    public bool FollowedSinceLastRun(string connectionKey, string targetId) =>
        VisitedSinceLastRun(connectionKey, targetId) && ConnectionVisits[connectionKey].Followed;
}

public readonly record struct ConnectionVisit(int Count, bool Followed);

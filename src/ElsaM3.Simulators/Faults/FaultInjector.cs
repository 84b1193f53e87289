namespace ElsaM3.Simulators.Faults;

/// <summary>
/// The faults armed through <c>POST {simulator}/_control/faults</c>: each rule fails either the next N matching
/// calls or a fraction of them. The first rule that fires decides a call's fault.
/// </summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<FaultRule> _rules = [];
    private long _injected;

    public long Injected => Interlocked.Read(ref _injected);

    public void Add(FaultRule rule)
    {
        lock (_gate) _rules.Add(rule);
    }

    public void Clear()
    {
        lock (_gate) _rules.Clear();
    }

    public IReadOnlyList<FaultRule> Rules
    {
        get { lock (_gate) return _rules.ToList(); }
    }

    private readonly Dictionary<string, int> _headerFaultCounts = new(StringComparer.Ordinal);

    /// <summary>
    /// The per-call fault of contract §6.9: <c>X-Sim-Fault: transient-503 | transient-timeout | transient-429 | internal-500</c>,
    /// with <c>X-Sim-Fault-Count: N</c> failing only the first N calls that carry the same <c>Idempotency-Key</c>.
    /// </summary>
    public FaultKind? FromHeaders(string? fault, string? count, string? idempotencyKey)
    {
        if (string.IsNullOrEmpty(fault)) return null;
        if (!FaultKinds.ByName.TryGetValue(fault, out var kind)) return null;
        if (int.TryParse(count, out var limit) && !string.IsNullOrEmpty(idempotencyKey))
            lock (_gate)
            {
                var seen = _headerFaultCounts.GetValueOrDefault(idempotencyKey);
                if (seen >= limit) return null;
                _headerFaultCounts[idempotencyKey] = seen + 1;
            }
        Interlocked.Increment(ref _injected);
        return kind;
    }

    /// <summary>The fault to inject into this call, if any.</summary>
    public FaultKind? Next(string method, string path)
    {
        lock (_gate)
        {
            foreach (var rule in _rules)
            {
                if (!rule.Matches(method, path)) continue;
                if (rule.Remaining is { } remaining)
                {
                    if (remaining <= 0) continue;
                    rule.Remaining = remaining - 1;
                }
                else if (Random.Shared.NextDouble() >= rule.Rate) continue;
                Interlocked.Increment(ref _injected);
                return rule.Kind;
            }
            _rules.RemoveAll(r => r.Remaining is <= 0);
            return null;
        }
    }
}

/// <summary>One armed fault: its kind, either a count of calls or a rate, and optionally which calls it hits.</summary>
public sealed class FaultRule
{
    public required FaultKind Kind { get; init; }
    public int? Remaining { get; set; }
    public double Rate { get; init; }

    /// <summary>Only calls with this method (e.g. <c>POST</c>); all when empty.</summary>
    public string? Method { get; init; }

    /// <summary>Only calls whose path (under the API) contains this text, e.g. <c>/worksheets</c>; all when empty.</summary>
    public string? Path { get; init; }

    public bool Matches(string method, string path) =>
        (string.IsNullOrEmpty(Method) || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (string.IsNullOrEmpty(Path) || path.Contains(Path, StringComparison.OrdinalIgnoreCase));
}

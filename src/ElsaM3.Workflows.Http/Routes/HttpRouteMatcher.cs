using System.Collections.Concurrent;
using ElsaM3.Runtime.Triggers;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using ElsaM3.Workflows.Http.Triggers;

namespace ElsaM3.Workflows.Http.Routes;

/// <summary>Matches a request path and method against the published <c>HttpEndpoint</c> triggers (route templates allowed).</summary>
public sealed class HttpRouteMatcher(TriggerIndex triggers)
{
    private readonly ConcurrentDictionary<string, TemplateMatcher?> _matchers = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<(StoredTrigger Trigger, RouteValueDictionary RouteValues)>> MatchAsync(string path, string method, CancellationToken cancellationToken)
    {
        var candidates = await triggers.GetAsync(HttpEndpoint.StimulusName, cancellationToken);
        var matches = new List<(StoredTrigger, RouteValueDictionary)>();
        foreach (var trigger in candidates)
        {
            if (trigger.Payload is not Dictionary<string, object?> payload) continue;
            if (!string.Equals(payload.GetValueOrDefault("method") as string, method, StringComparison.OrdinalIgnoreCase)) continue;
            var template = payload.GetValueOrDefault("path") as string ?? "/";
            var values = new RouteValueDictionary();
            // A template stored before publish checked them may not parse: it matches nothing rather than failing every request.
            if (Matcher(template) is { } matcher && matcher.TryMatch(path, values)) matches.Add((trigger, values));
        }
        return matches;
    }

    private TemplateMatcher? Matcher(string template) =>
        _matchers.GetOrAdd(template, t => RouteTemplates.TryParse(t, out _) is { } parsed ? new TemplateMatcher(parsed, new RouteValueDictionary()) : null);
}

using ElsaM3.Runtime.Triggers;
using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.Triggers;
using ElsaM3.Workflows.Http.Triggers;

namespace ElsaM3.Workflows.Http.Routes;

/// <summary>
/// Refuses to publish an HTTP Endpoint whose path is not a route template (400 naming the activity and the path),
/// or whose path and method overlap another published workflow's (409 naming both), so no workflow can break another's trigger.
/// </summary>
internal sealed class HttpRouteValidator(TriggerIndex published) : ITriggerValidator
{
    public async ValueTask ValidateAsync(string definitionId, IReadOnlyList<WorkflowTrigger> triggers, CancellationToken cancellationToken)
    {
        var endpoints = triggers.Where(t => t.Name == HttpEndpoint.StimulusName).ToList();
        if (endpoints.Count == 0) return;
        var others = (await published.GetAsync(HttpEndpoint.StimulusName, cancellationToken)).Where(t => t.WorkflowDefinitionId != definitionId).ToList();
        foreach (var trigger in endpoints)
        {
            var (path, method) = PathAndMethod(trigger.Payload);
            var template = RouteTemplates.TryParse(path, out var error)
                ?? throw new WorkflowDefinitionException($"activities.{trigger.ActivityId}: the path '{path}' is not a valid route template: {error}");
            foreach (var other in others)
            {
                var (otherPath, otherMethod) = PathAndMethod(other.Payload);
                if (!string.Equals(method, otherMethod, StringComparison.OrdinalIgnoreCase)) continue;
                if (RouteTemplates.TryParse(otherPath, out _) is { } otherTemplate && RouteTemplates.Overlap(template, otherTemplate))
                    throw new TriggerConflictException(
                        $"activities.{trigger.ActivityId}: {method} {path} overlaps {otherMethod} {otherPath} of the published workflow '{other.WorkflowDefinitionId}' (activity {other.ActivityId}); a request could match both. Change one path or retract '{other.WorkflowDefinitionId}'.",
                        [definitionId, other.WorkflowDefinitionId]);
            }
        }
    }

    private static (string Path, string Method) PathAndMethod(object? payload) => payload is IReadOnlyDictionary<string, object?> values
        ? (values.GetValueOrDefault("path") as string ?? "/", values.GetValueOrDefault("method") as string ?? "")
        : ("/", "");
}

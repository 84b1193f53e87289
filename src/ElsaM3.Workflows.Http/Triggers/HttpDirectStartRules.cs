using ElsaM3.Runtime.Triggers;
using ElsaM3.Workflows.Execution;

namespace ElsaM3.Workflows.Http.Triggers;

/// <summary>The policies of a workflow's HTTP triggers (HTTP Endpoint, CXM Case Received), which a direct start must meet too.</summary>
public sealed class HttpDirectStartRules(WorkflowRunner runner) : IDirectStartRules
{
    public async ValueTask<IReadOnlyList<string>> RequiredPoliciesAsync(WorkflowGraph graph, CancellationToken cancellationToken) =>
        (await runner.GetTriggersAsync(graph, cancellationToken))
            .Where(t => t.Name == HttpEndpoint.StimulusName)
            .Select(t => HttpEndpointRules.Read(t.Payload).Policy)
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
}

using ElsaM3.Runtime.Instances;
using ElsaM3.Workflows.Activities;

namespace ElsaM3.Runtime.Events;

/// <summary>
/// Elsa's Publish Event. The event goes out once this burst is stored (in the background, as Elsa publishes it), so a
/// local event resumes this very instance after it has committed.
/// </summary>
[Activity("Elsa", "Primitives", "Publishes an event.")]
public sealed class PublishEvent(EventPublisher publisher, EventRateLimit rate,
    Microsoft.Extensions.Options.IOptions<Workflows.Execution.WorkflowRuntimeOptions> runtime) : Activity<PublishEventInput>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, PublishEventInput input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.EventName)) throw new InvalidOperationException("PublishEvent: the event name is empty.");
        var eventName = input.EventName;
        var correlationId = string.IsNullOrWhiteSpace(input.CorrelationId) ? null : input.CorrelationId;
        var instanceId = input.IsLocalEvent ? context.WorkflowInstanceId : null;
        var payload = Workflows.Serialization.WorkflowJson.ToPlain(input.Payload);
        // The runs this event starts are one deeper than this one; a chain or a flood of events faults here, by name.
        var depth = ChildWorkflows.ChainDepth.Next(context, runtime.Value, $"A run started by event '{eventName}'");
        if (!context.IsDryRun) rate.Take(eventName);
        context.AddToCommit(new AfterCommit(ct => publisher.PublishAsync(eventName, correlationId, instanceId, payload, ct, depth)));
        return ValueTask.FromResult(Done());
    }
}

public sealed class PublishEventInput
{
    [Input(Description = "The name of the event to publish.")]
    public string? EventName { get; set; }

    [Input(Description = "The correlation ID to scope the event to.")]
    public string? CorrelationId { get; set; }

    [Input(DisplayName = "Local event", Description = "Whether the event is local to the workflow. When checked, the event will be delivered to this workflow instance only.")]
    public bool IsLocalEvent { get; set; }

    [Input(Description = "The payload to send as the event body.")]
    public object? Payload { get; set; }
}

namespace ElsaM3.Workflows.Descriptors;

/// <summary>A resilience strategy as Studio lists it (<c>GET /resilience/strategies</c>): id, name, category and its settings.</summary>
public sealed record ResilienceStrategyDescriptor(string Id, string DisplayName, string Category, IReadOnlyDictionary<string, object?> Settings);

/// <summary>Supplies resilience strategies (the host registers one per retry policy it runs).</summary>
public interface IResilienceStrategySource
{
    IEnumerable<ResilienceStrategyDescriptor> List();
}

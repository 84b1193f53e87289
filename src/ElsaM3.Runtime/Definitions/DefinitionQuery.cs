namespace ElsaM3.Runtime.Definitions;

/// <summary>Filters and paging for definition lists.</summary>
public sealed record DefinitionQuery
{
    public VersionOptions VersionOptions { get; init; } = VersionOptions.Latest;
    public IReadOnlyCollection<string>? DefinitionIds { get; init; }
    public IReadOnlyCollection<string>? Ids { get; init; }
    public string? SearchTerm { get; init; }
    public string? Name { get; init; }
    public bool? IsSystem { get; init; }
    public DefinitionOrder OrderBy { get; init; } = DefinitionOrder.Name;
    public bool Descending { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; } = 100;
}

public enum DefinitionOrder
{
    Name,
    Created,
    Version,
}

namespace ElsaM3.Runtime.Stores;

/// <summary>One page of a longer list.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long TotalCount);

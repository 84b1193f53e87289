namespace ElsaM3.Api;

/// <summary>Elsa's paged list: <c>{items, totalCount, links}</c>.</summary>
public sealed record PagedResponse<T>(IReadOnlyList<T> Items, long TotalCount, IReadOnlyList<Link>? Links = null);

/// <summary>Elsa's plain list: <c>{items, count}</c>.</summary>
public sealed record ListResponse<T>(IReadOnlyList<T> Items)
{
    public int Count => Items.Count;
}

/// <summary>A hypermedia link; Studio only reads <c>rel</c> (for example <c>publish</c>).</summary>
public sealed record Link(string Href, string Rel, string Method);

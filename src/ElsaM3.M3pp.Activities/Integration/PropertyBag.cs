namespace ElsaM3.M3pp.Activities.Integration;

/// <summary>Reading the loosely typed property bags activities keep (their own, the instance's, a stored bookmark's payload).</summary>
internal static class PropertyBag
{
    /// <summary>The value under <paramref name="key"/>; <c>null</c> when there is none.</summary>
    public static object? ValueOf(this IDictionary<string, object?> map, string key) => map.TryGetValue(key, out var value) ? value : null;
}

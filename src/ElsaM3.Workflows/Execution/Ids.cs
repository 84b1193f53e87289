namespace ElsaM3.Workflows.Execution;

/// <summary>Elsa-style ids: 16 lower-case hex characters.</summary>
public static class Ids
{
    public static string New() => Random.Shared.NextInt64().ToString("x16");
}

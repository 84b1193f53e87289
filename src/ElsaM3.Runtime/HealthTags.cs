namespace ElsaM3.Runtime;

/// <summary>Health check tags: <see cref="Ready"/> checks decide <c>/health/ready</c> (can this node take work?).</summary>
public static class HealthTags
{
    public const string Ready = "ready";
}
